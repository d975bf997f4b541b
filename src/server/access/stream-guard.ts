/**
 * The same response, but its body ends once `stillAllowed` answers false, asked every
 * `everyMs`: a live stream opened before its account was disabled, or its token revoked,
 * does not outlive the revocation by more than that. A check that fails for another
 * reason (the database is away) keeps the stream, as results keep being served then.
 */
export function guardStream(res: Response, stillAllowed: () => Promise<boolean>, everyMs: number): Response {
  const body = res.body;
  if (!body) return res;
  const reader = body.getReader();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stop = () => clearInterval(timer);
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        timer = setInterval(() => {
          void stillAllowed().catch(() => true).then((allowed) => {
            if (allowed) return;
            stop();
            void reader.cancel().catch(() => undefined);
            try { controller.close(); } catch { /* already closed */ }
          });
        }, everyMs);
      },
      // Pulled one chunk at a time, so the stream below still sees a client that stops reading.
      async pull(controller) {
        const next = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        try {
          if (next.done) {
            stop();
            controller.close();
          } else controller.enqueue(next.value);
        } catch { /* closed by the check meanwhile */ }
      },
      cancel(reason) {
        stop();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(stream, { status: res.status, headers: res.headers });
}
