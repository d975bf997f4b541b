import { MAX_UNREGISTERED_WAVES, MIN_SEGMENT, OTHER_WAVES } from '../../core/disclosure';
import type { Response as SurveyResponse } from '../../core/response';
import type { Survey } from '../../core/survey';
import type { Tally } from '../../core/tally';
import { addResponse, removeResponse } from '../../core/tally';
import { DEFAULT_WAVE } from '../../core/vocabulary';

/*
 * Tally rows for waves nobody registered (issue 15 #2). A link may name any slug, so if
 * every slug had tally rows of its own, memory and every results rebuild would grow with
 * the slugs anyone invents. Both stores therefore key tallies at write time:
 *
 * - a registered wave and `open` have rows of their own;
 * - any other slug is counted (one small row per slug, on disk: `unregistered_waves`) and
 *   its responses are added to the pooled OTHER_WAVES rows;
 * - the first MAX_UNREGISTERED_WAVES slugs to reach MIN_SEGMENT responses get rows of their
 *   own from then on ("own"): their earlier responses move out of the pool, in the same
 *   transaction. A slug registered later moves out the same way, whatever the cap.
 *
 * So a survey version has at most (registered waves + `open` + the cap + the pool) × channels
 * × groups tally rows, however many slugs there are; responses keep their own slug.
 */

/** The tally key of every response of a slug that has no rows of its own. */
export const POOL = OTHER_WAVES;

/** Where a tally row belongs; both stores' keys have this shape. */
export type TallyKey = { survey: string; version: number; wave: string; channel: string; group: string };

/** What a store knows of one unregistered slug: its responses, and whether it has rows of its own. */
export type SlugState = { responses: number; own: boolean };

/** An unregistered wave as the organiser's cleanup and overview see it. */
export type UnregisteredWave = { slug: string; responses: number; pooled: boolean };

/** Which waves a survey has registered, as each store knows them. */
export type Registered = (surveyId: string, slug: string) => boolean;

/** Whether a slug's responses are tallied under the slug without being counted: `open` and registered waves. */
export function keepsOwnRows(surveyId: string, slug: string, registered: Registered): boolean {
  return slug === DEFAULT_WAVE || registered(surveyId, slug);
}

/** Whether a pooled slug, now holding `state.responses`, gets rows of its own while `owned` unregistered slugs have them. */
export function mayLeavePool(state: SlugState, owned: number): boolean {
  return !state.own && state.responses >= MIN_SEGMENT && owned < MAX_UNREGISTERED_WAVES;
}

/** The tally key of a response whose slug is tallied under `wave` (its own slug, or POOL). */
export function keyOf(r: SurveyResponse, group: string, wave: string = r.wave): TallyKey {
  return { survey: r.surveyId, version: r.surveyVersion, wave, channel: r.channel, group };
}

/**
 * Moves stored responses of a slug from the pool's rows to the slug's own: each is taken out
 * of its POOL row and added to its own row, through `tallyOf` (the working copy of a row in
 * the caller's transaction). A response of a version no longer known is skipped, as a
 * deletion skips it.
 */
export function moveOutOfPool(
  stored: { response: SurveyResponse; group: string }[],
  surveyOf: (id: string, version: number) => Survey | undefined,
  tallyOf: (key: TallyKey) => Tally,
): void {
  for (const { response, group } of stored) {
    const survey = surveyOf(response.surveyId, response.surveyVersion);
    if (!survey) continue;
    removeResponse(tallyOf(keyOf(response, group, POOL)), survey, response.answers);
    addResponse(tallyOf(keyOf(response, group)), survey, response.answers);
  }
}
