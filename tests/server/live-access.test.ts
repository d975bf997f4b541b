import { describe, expect, it } from 'vitest';
import { ENGINES } from '../support/engines';
import { AUTH, pollResponse, setup, submit } from './helpers';
import { addAccount, browser, makeToken, send, signIn } from './accounts-helpers';

type App = Awaited<ReturnType<typeof setup>>['app'];

/** Reads a live stream as text until `until` holds for what arrived, or it ends; says which. */
async function readUntil(res: Response, until: (text: string) => boolean, timeoutMs: number): Promise<{ text: string; ended: boolean }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), Math.max(0, deadline - Date.now())));
    const read = await Promise.race([reader.read(), timer]);
    if (read === 'timeout') {
      await reader.cancel();
      return { text, ended: false };
    }
    if (read.done) return { text, ended: true };
    text += decoder.decode(read.value, { stream: true });
    if (until(text)) {
      await reader.cancel();
      return { text, ended: false };
    }
  }
}

const live = (app: App, headers: Record<string, string>) => app.request('/api/v1/surveys/private/live', { headers });

describe.each(ENGINES)('the live stream with organiser credentials on %s', (engine) => {
  it('streams private results to a signed-in viewer by the cookie alone, and ends within a heartbeat once the account is disabled or the token revoked', async () => {
    const { app, close } = await setup({ engine, config: { heartbeatMs: 150 } });
    try {
      await addAccount(app, 'vic', 'viewer', ['private']);
      const cookie = await signIn(app, 'vic');
      const { id, token } = await makeToken(app, cookie);

      const byToken = await live(app, { Authorization: `Bearer ${token}` });
      expect(byToken.status).toBe(200);
      const revokeSoon = setTimeout(() => void send(app, 'DELETE', `/api/v1/tokens/${id}`, undefined, browser(cookie)), 400);
      const tokenStream = await readUntil(byToken, () => false, 5000);
      clearTimeout(revokeSoon);
      expect(tokenStream.text).toContain('event: results');
      expect(tokenStream.ended).toBe(true);

      const byCookie = await live(app, { Cookie: cookie });
      expect(byCookie.status).toBe(200);
      await submit(app, [{ ...pollResponse({ surveyId: 'private' }), answers: { agree: 3 } }]);
      const disableSoon = setTimeout(() => void send(app, 'PATCH', '/api/v1/accounts/vic', { disabled: true }, AUTH), 600);
      const cookieStream = await readUntil(byCookie, () => false, 5000);
      clearTimeout(disableSoon);
      expect(cookieStream.text.match(/event: results/g)?.length).toBeGreaterThanOrEqual(1);
      expect(cookieStream.text).toContain(': heartbeat');
      expect(cookieStream.ended).toBe(true);
      expect((await live(app, { Cookie: cookie })).status).toBe(401);
    } finally {
      await close();
    }
  });

  it('keeps a stream open while its credential stays good', async () => {
    const { app, close } = await setup({ engine, config: { heartbeatMs: 100 } });
    try {
      await addAccount(app, 'vic', 'viewer', ['private']);
      const res = await live(app, { Cookie: await signIn(app, 'vic') });
      const stream = await readUntil(res, (text) => (text.match(/: heartbeat/g)?.length ?? 0) >= 5, 5000);
      expect(stream.ended).toBe(false);
      expect(stream.text.match(/: heartbeat/g)?.length).toBeGreaterThanOrEqual(5);
    } finally {
      await close();
    }
  });
});
