import { createSignal, onCleanup } from 'solid-js';
import { isAppError } from '../../../core/errors';
import type { Survey } from '../../../core/survey';
import { draftApi } from './draft-api';

/** Where the draft stands against the server. */
export type SaveState =
  | { kind: 'saved'; at: string | undefined }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed' }
  | { kind: 'conflict'; revision: number | null; at: string | null };

/** Quiet time after the last keystroke before a save: a sentence, not every letter. */
const DEBOUNCE_MS = 800;
/** Wait before saving again after the server could not be reached. */
const RETRY_MS = 5000;

/**
 * The draft's autosave, in the manner of Excalidraw's: debounced saves, failures kept as
 * state (never thrown at the editor), one save in flight at a time, and a flush when the page
 * is hidden or closed. Every save names the revision it replaces, so when someone else saved
 * since, the server refuses it and the state becomes `conflict` until the editor chooses.
 */
export function createAutosave(surveyId: string, startRevision: number | undefined, snapshot: () => Survey, setVersion: (v: number) => void) {
  const [state, setState] = createSignal<SaveState>({ kind: 'saved', at: undefined });
  let revision = startRevision;
  let edits = 0;
  let savedEdits = 0;
  let inFlight: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), ms);
  };

  async function send(keepalive: boolean): Promise<void> {
    const sending = edits;
    setState({ kind: 'saving' });
    try {
      const answer = await draftApi.save(surveyId, snapshot(), revision, { keepalive });
      revision = answer.revision;
      savedEdits = sending;
      setVersion(answer.version);
      if (edits === sending) setState({ kind: 'saved', at: answer.updatedAt });
      else schedule(DEBOUNCE_MS);
    } catch (error) {
      if (isAppError(error, 'draft_changed')) {
        const server = (error.details.server ?? {}) as { revision?: number | null; updatedAt?: string | null };
        setState({ kind: 'conflict', revision: server.revision ?? null, at: server.updatedAt ?? null });
      } else {
        setState({ kind: 'failed' });
        schedule(RETRY_MS);
      }
    }
  }

  /** Saves now unless a conflict waits for the editor's choice; a save already running is followed by one more. */
  async function save(keepalive = false): Promise<void> {
    clearTimeout(timer);
    if (state().kind === 'conflict' || edits === savedEdits) return;
    if (inFlight) return void (await inFlight.then(() => save(keepalive)));
    inFlight = send(keepalive).finally(() => (inFlight = undefined));
    await inFlight;
  }

  const flush = () => void save(true);
  const onHidden = () => document.visibilityState === 'hidden' && flush();
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);
  onCleanup(() => {
    flush();
    removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHidden);
  });

  return {
    state,
    /** The stored revision this editor is at, if the draft is stored. */
    revision: () => revision,
    /** Whether every edit is on the server. */
    clean: () => edits === savedEdits && !inFlight,
    /** Notes an edit; the save follows after a pause in typing. */
    changed(): void {
      edits++;
      if (state().kind !== 'conflict') {
        setState({ kind: 'pending' });
        schedule(DEBOUNCE_MS);
      }
    },
    save,
    /** Overwrites the other editor's draft: saves this one over the revision the server reported. */
    keepMine(): Promise<void> {
      const s = state();
      if (s.kind === 'conflict' && s.revision !== null) revision = s.revision;
      else if (s.kind === 'conflict') revision = undefined;
      setState({ kind: 'pending' });
      return save();
    },
    /** Starts again from a stored revision whose content the editor now shows. */
    reset(next: number): void {
      clearTimeout(timer);
      revision = next;
      savedEdits = edits;
      setState({ kind: 'saved', at: undefined });
    },
  };
}

/** The autosave's public face. */
export type Autosave = ReturnType<typeof createAutosave>;
