import type { ResultsSnapshot } from '../../../core/results';
import type { Survey } from '../../../core/survey';
import { queryString } from '../api';
import { loadDefinition } from '../cache';
import { api } from '../state';

/**
 * The definitions and results snapshots of other versions of a survey, for a trend across
 * versions. Published versions never change, so one read each is enough; their results are
 * read once too, since only the version on screen is followed live.
 */
export async function loadVersions(id: string, versions: number[], query: Record<string, string>): Promise<{ definitions: Survey[]; snapshots: [number, ResultsSnapshot][] }> {
  const read = async (v: number) => {
    const [definition, snapshot] = await Promise.all([
      loadDefinition(api, id, v),
      api.call(`/surveys/${encodeURIComponent(id)}/results${queryString({ ...query, version: v })}`).then((r) => r.json() as Promise<ResultsSnapshot>),
    ]);
    return { definition, snapshot: [v, snapshot] as [number, ResultsSnapshot] };
  };
  const all = await Promise.all(versions.map(read));
  return { definitions: all.map((a) => a.definition), snapshots: all.map((a) => a.snapshot) };
}
