import type { Client } from '../../client';
import type { Survey } from '../../core/survey';
import { builtInSurveys, latestBuiltIn } from '../../core/surveys';

/** A survey ready to answer, or the reason it cannot be opened. */
export type LoadedSurvey = { ok: true; survey: Survey } | { ok: false; detail: string };

/**
 * A definition from the device or a server is parsed before use, and a broken one gives a
 * page naming the problem. The schema library loads only then: the built-in survey is
 * checked against the schema by the test suite, so a first visit never needs it.
 */
export async function parseSurvey(raw: unknown): Promise<LoadedSurvey> {
  if (builtInSurveys.includes(raw as Survey)) return { ok: true, survey: raw as Survey };
  const { SurveySchema } = await import('../../core/survey');
  const parsed = SurveySchema.safeParse(raw);
  if (parsed.success) return { ok: true, survey: parsed.data };
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(survey)'}: ${i.message}`).join('\n');
  return { ok: false, detail };
}

/** The newest version of a survey on this device, the built-in copy counting as one. */
export async function loadSurvey(client: Client, id: string): Promise<LoadedSurvey | undefined> {
  const stored = await client.getSurveyRecord(id).catch(() => undefined);
  const builtIn = latestBuiltIn(id);
  if (stored === undefined) return builtIn && parseSurvey(builtIn);
  const storedVersion = (stored as { version?: unknown }).version;
  const newer = !builtIn || typeof storedVersion !== 'number' || storedVersion > builtIn.version;
  return parseSurvey(newer ? stored : builtIn);
}

/** Every survey the device can offer, newest version of each. */
export async function listSurveys(client: Client): Promise<Survey[]> {
  const byId = new Map<string, Survey>();
  for (const s of [...builtInSurveys, ...(await client.listSurveys().catch(() => []))]) {
    const known = byId.get(s.id);
    if (!known || known.version < s.version) byId.set(s.id, s);
  }
  const parsed = await Promise.all([...byId.values()].map(parseSurvey));
  return parsed.flatMap((p) => (p.ok ? [p.survey] : []));
}
