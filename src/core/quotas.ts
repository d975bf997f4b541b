import type { z } from 'zod/mini';
import { AppError } from './errors';
import { segmentGroups } from './questions';
import { suppressedKeys } from './results';
import type { Survey } from './survey';
import type { QuotasSchema } from './waves';
import { groupsOrIssue, isJsonObject } from './weighting-input';

/** The largest quota target, as `QuotasSchema` (waves.ts) bounds it: more than any wave will reach. */
export const MAX_QUOTA = 1_000_000;

/** A wave's quotas: `{group: target}`, each target a whole number of responses. */
export type Quotas = z.infer<typeof QuotasSchema>;
/** Why a quotas value is refused. */
export type QuotaIssueCode = 'no_segment' | 'bad_shape' | 'unknown_group' | 'not_positive_integer';
/** One reason a quotas value is refused, naming the group where there is one. */
export type QuotaIssue = { code: QuotaIssueCode; group?: string; message: string };
/** One quota with how many responses count towards it (the overview's `quotas` entries). */
export type QuotaProgress = { group: string; target: number; count: number };

function targetIssue(groups: string[], group: string, target: unknown): QuotaIssue | undefined {
  if (!groups.includes(group)) return { code: 'unknown_group', group, message: `"${group}" is not a group of this survey (${groups.join(', ')})` };
  if (typeof target !== 'number' || !Number.isInteger(target) || target < 1 || target > MAX_QUOTA) {
    return { code: 'not_positive_integer', group, message: `the target of "${group}" must be a whole number from 1 to ${MAX_QUOTA}` };
  }
  return undefined;
}

/**
 * Every reason the `quotas` of a wave registration cannot stand for this survey: no
 * `segmentBy`, not a `{group: target}` object, unknown groups, targets that are not
 * positive integers. An empty object is valid: the wave has no quotas. `QuotasSchema`
 * checks the shape alone; this also needs the survey, for its groups.
 */
export function validateQuotas(survey: Pick<Survey, 'sections' | 'segmentBy'>, quotas: unknown): QuotaIssue[] {
  const groups = groupsOrIssue(survey);
  if (!Array.isArray(groups)) return [groups];
  if (!isJsonObject(quotas)) return [{ code: 'bad_shape', message: 'expected quotas as {"<group>": <target>, …}' }];
  return Object.entries(quotas).flatMap(([group, target]) => targetIssue(groups, group, target) ?? []);
}

/** The quotas in a wave registration, or AppError `invalid` (a 400) whose details list the issues. */
export function parseQuotas(survey: Pick<Survey, 'sections' | 'segmentBy'>, quotas: unknown): Quotas {
  const issues = validateQuotas(survey, quotas);
  if (issues.length > 0) throw new AppError('invalid', issues.map((i) => i.message).join('; '), { issues });
  return { ...(quotas as Quotas) };
}

/**
 * Each quota with its count, in the order of the survey's groups. `counts` are responses
 * by group and are added together: the overview's counts, or in field mode the last synced
 * overview's plus the device's own unsent responses.
 */
export function quotaProgress(survey: Pick<Survey, 'sections' | 'segmentBy'>, quotas: Quotas, ...counts: Record<string, number>[]): QuotaProgress[] {
  const order = segmentGroups(survey) ?? [];
  return order
    .filter((group) => Object.hasOwn(quotas, group))
    .map((group) => ({ group, target: quotas[group]!, count: counts.reduce((n, c) => n + (Object.hasOwn(c, group) ? c[group]! : 0), 0) }));
}

/** A quota as anyone may see it: its count null ("fewer than 5") when results would withhold a part of it. */
export type PublicQuotaProgress = { group: string; target: number; count: number | null };

/**
 * Each quota with a count that gives away nothing the results do not. `cells` holds the
 * wave's responses by group, one record per survey version (results are per version). A
 * quota's count is the sum over versions, shown only when every non-zero part of it is a
 * group the results' breakdown of that version and wave shows (MIN_SEGMENT and the
 * secondary suppression of `suppressedKeys`); otherwise null. So the counts are sums of
 * figures already public, and a withheld group can be worked out neither from a total
 * nor from another version. A group with no responses counts 0.
 */
export function publicQuotaProgress(survey: Pick<Survey, 'sections' | 'segmentBy'>, quotas: Quotas, cells: Record<string, number>[]): PublicQuotaProgress[] {
  const hidden = cells.map((byGroup) => suppressedKeys(Object.entries(byGroup).filter(([, n]) => n > 0)));
  return quotaProgress(survey, quotas, ...cells).map((q) => {
    const shown = cells.every((byGroup, v) => !(byGroup[q.group]! > 0) || !hidden[v]!.has(q.group));
    return { ...q, count: shown ? q.count : null };
  });
}
