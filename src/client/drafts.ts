import type { StanceDatabase } from './db';
import type { Draft } from './draft-schema';
import type { SaveResult } from './tx';
import { commit, saveResult } from './tx';

export type { Draft };

/**
 * Stored drafts are checked against today's schema (an older app may have written them).
 * The schema library loads only when there is something to check, so a first visit,
 * which has no draft, never pays for it.
 */
async function validDrafts(values: unknown[]): Promise<Draft[]> {
  if (values.length === 0) return [];
  const { DraftSchema } = await import('./draft-schema');
  return values.flatMap((value) => {
    const parsed = DraftSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The draft of a survey, or undefined when there is none or what is stored no longer fits the schema. */
export async function loadDraft(db: StanceDatabase, surveyId: string): Promise<Draft | undefined> {
  const stored = await db.get('drafts', surveyId);
  return (await validDrafts(stored === undefined ? [] : [stored]))[0];
}

/** Every valid draft on the device. */
export async function listDrafts(db: StanceDatabase): Promise<Draft[]> {
  return validDrafts(await db.getAll('drafts'));
}

/**
 * Saves a draft unless its response was already submitted: a debounced save that fires
 * after the submit must not bring the submitted answers back as a draft.
 */
export function saveDraft(db: StanceDatabase, draft: Draft): Promise<SaveResult> {
  return saveResult(() => {
    const tx = db.transaction(['drafts', 'outbox', 'sent', 'rejected'], 'readwrite');
    return commit(tx, async () => {
      const id = draft.responseId;
      const held = await Promise.all([tx.objectStore('outbox').getKey(id), tx.objectStore('sent').getKey(id), tx.objectStore('rejected').getKey(id)]);
      if (held.every((key) => key === undefined)) await tx.objectStore('drafts').put(draft);
    });
  });
}

/** Removes the draft of a survey (the respondent chose to start over). */
export async function discardDraft(db: StanceDatabase, surveyId: string): Promise<void> {
  await db.delete('drafts', surveyId);
}

/** A debounced draft writer: `save` on every change, `flush` on `pagehide` and when the page is hidden. */
export type DraftSaver = { save(draft: Draft): void; flush(): Promise<SaveResult>; lastResult(): SaveResult | undefined };

/**
 * Keeps the newest draft per survey and writes it `delayMs` after the last change.
 * Writes are chained so an older draft can never land after a newer one.
 */
export function createDraftSaver(write: (draft: Draft) => Promise<SaveResult>, delayMs = 300): DraftSaver {
  const pending = new Map<string, Draft>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<SaveResult> = Promise.resolve({ ok: true });
  let last: SaveResult | undefined;

  const flush = (): Promise<SaveResult> => {
    clearTimeout(timer);
    timer = undefined;
    const drafts = [...pending.values()];
    pending.clear();
    if (drafts.length === 0) return chain;
    const writes = drafts.map((draft) => (chain = chain.then(() => write(draft)).then((result) => (last = result))));
    return Promise.all(writes).then((results) => results.find((r) => !r.ok) ?? results[0]!);
  };
  return {
    save(draft) {
      pending.set(draft.surveyId, draft);
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    lastResult: () => last,
  };
}
