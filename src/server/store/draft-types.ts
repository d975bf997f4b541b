import type { Survey } from '../../core/survey';

/**
 * A survey draft as stored: whatever definition the editor last saved (any JSON, checked
 * only when it is published), with its revision. Revisions only grow for a survey id, even
 * across publishes, so a revision an editor read once never names a later draft.
 */
export type StoredDraft = { surveyId: string; definition: unknown; revision: number; updatedAt: string };

/** Which draft a save or publish expects to replace: the revision it read, none yet (`new`), or whatever is there (`any`). */
export type ExpectedRevision = number | 'new' | 'any';

/** What a save did: saved as the returned revision, or refused because the draft is not the expected one. */
export type DraftSave = { ok: true; draft: StoredDraft } | { ok: false; current: StoredDraft | undefined };

/** What a publish did: stored the survey as its next version (the draft is gone), or refused as a save would be. */
export type DraftPublish = { ok: true; survey: Survey } | { ok: false; current: StoredDraft | undefined };

/**
 * Drafts of surveys, one per survey id, shared by every process (DESIGN §7, §9). A save or a
 * publish names the revision it expects, so of two editors the later one is refused instead
 * of silently overwriting the other's work.
 */
export interface DraftStore {
  get(surveyId: string): Promise<StoredDraft | undefined>;
  /** Every draft, for copying a store. */
  list(): Promise<StoredDraft[]>;
  /** Saves `definition` as the next revision if the stored draft is the expected one. */
  save(surveyId: string, definition: unknown, expected: ExpectedRevision, now: string): Promise<DraftSave>;
  /**
   * Publishes the draft as the survey's next version: the version number is taken in the
   * database (one above the highest stored), `prepare` turns the draft into the survey to
   * store (throwing when it has problems, which stores nothing), and the version is stored
   * and the draft removed in one transaction, so two publishes never take the same number.
   */
  publish(surveyId: string, expected: ExpectedRevision, prepare: (definition: unknown, version: number) => Survey): Promise<DraftPublish>;
  /** Puts a draft copied from another store as it was, revision and time included. */
  restore(draft: StoredDraft): Promise<void>;
}

/** Whether the stored draft (or its absence) is the one a caller expects. */
export function expectedMatches(expected: ExpectedRevision, current: StoredDraft | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'new') return current === undefined;
  return current?.revision === expected;
}
