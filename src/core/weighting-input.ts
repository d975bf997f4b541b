import { round } from './analysis/round';
import { AppError } from './errors';
import { segmentGroups } from './questions';
import type { Survey } from './survey';
import type { Shares } from './weighting';

/** How far shares may sum from 1, so shares typed to three decimals (0.333 three times) still pass. */
export const SHARE_TOLERANCE = 0.001;

/** Why a weighting body is refused. */
export type WeightingIssueCode = 'no_segment' | 'bad_shape' | 'unknown_group' | 'not_a_number' | 'negative' | 'sum_not_one';
/** One reason a weighting body is refused, naming the group where there is one. */
export type WeightingIssue = { code: WeightingIssueCode; group?: string; message: string };
/** A survey's weighting: the body of `PUT /surveys/:id/weighting`, population shares by group. */
export type Weighting = { shares: Shares };

/** A JSON object (not an array or null), as `JSON.parse` makes it. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The survey's groups, or the issue that it has none (weighting and quotas both need them). */
export function groupsOrIssue(survey: Pick<Survey, 'sections' | 'segmentBy'>): string[] | { code: 'no_segment'; message: string } {
  return segmentGroups(survey) ?? { code: 'no_segment', message: 'the survey has no segmentBy question, so it has no stakeholder groups' };
}

function shareIssue(groups: string[], group: string, share: unknown): WeightingIssue | undefined {
  if (!groups.includes(group)) return { code: 'unknown_group', group, message: `"${group}" is not a group of this survey (${groups.join(', ')})` };
  if (typeof share !== 'number' || !Number.isFinite(share)) return { code: 'not_a_number', group, message: `the share of "${group}" must be a number` };
  if (share < 0) return { code: 'negative', group, message: `the share of "${group}" is negative` };
  return undefined;
}

/**
 * Every reason a `{shares: {group: share}}` body cannot weight this survey: no `segmentBy`,
 * another shape, unknown groups, shares that are not numbers or are negative, and shares
 * that do not sum to 1 (within SHARE_TOLERANCE). Groups may be left out: their responses
 * are then excluded from weighted figures, and named there.
 */
export function validateWeighting(survey: Pick<Survey, 'sections' | 'segmentBy'>, body: unknown): WeightingIssue[] {
  const groups = groupsOrIssue(survey);
  if (!Array.isArray(groups)) return [groups];
  const shares = isJsonObject(body) ? body.shares : undefined;
  if (!isJsonObject(body) || Object.keys(body).some((key) => key !== 'shares') || !isJsonObject(shares) || Object.keys(shares).length === 0) {
    return [{ code: 'bad_shape', message: 'expected {"shares": {"<group>": <share>, …}} with at least one group' }];
  }
  const issues: WeightingIssue[] = [];
  for (const [group, share] of Object.entries(shares)) {
    const issue = shareIssue(groups, group, share);
    if (issue) issues.push(issue);
  }
  if (issues.length > 0) return issues;
  const sum = Object.values(shares as Shares).reduce((s, x) => s + x, 0);
  // The epsilon keeps a sum that is off by exactly the tolerance in decimal from failing in binary.
  if (Math.abs(sum - 1) > SHARE_TOLERANCE + 1e-9) return [{ code: 'sum_not_one', message: `the shares sum to ${round(sum, 6)}, not 1` }];
  return [];
}

/** The weighting in a body, or AppError `invalid` (a 400) whose details list the issues. */
export function parseWeighting(survey: Pick<Survey, 'sections' | 'segmentBy'>, body: unknown): Weighting {
  const issues = validateWeighting(survey, body);
  if (issues.length > 0) throw new AppError('invalid', issues.map((i) => i.message).join('; '), { issues });
  return { shares: { ...((body as Weighting).shares) } };
}
