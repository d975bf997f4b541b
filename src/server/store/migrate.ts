import { canonicalJson } from '../../core/canonical';
import { isDeepStrictEqual } from 'node:util';
import { sha256 } from '../hash';
import type { Candidate, Store, StoredAuditEntry, StoredResponse } from './types';

/** One line of the closing check: what was counted, on each side. */
export type CountLine = { what: string; source: number; target: number };
/** What a copy did, and whether every count agrees. */
export type MigrationReport = { copied: number; lines: CountLine[]; ok: boolean };

/** Responses written per transaction while copying. */
const BATCH = 500;

async function countComments(store: Store, surveyId: string): Promise<{ all: number; hidden: number; hiddenKeys: [string, string][] }> {
  const out = { all: 0, hidden: 0, hiddenKeys: [] as [string, string][] };
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listComments(surveyId, { includeHidden: true, limit: 1000, offset });
    out.all += page.length;
    for (const c of page) if (c.hidden) out.hiddenKeys.push([c.responseId, c.question]);
    if (page.length < 1000) break;
  }
  out.hidden = out.hiddenKeys.length;
  return out;
}

async function copyResponses(source: Store, target: Store, surveyId: string, log: (m: string) => void): Promise<number> {
  let copied = 0;
  let batch: Candidate[] = [];
  const flush = async () => {
    const results = await target.submit(batch);
    const refused = results.filter((r) => r.status === 'rejected');
    if (refused.length) throw new Error(`the target refused response ${refused[0]!.id}: ${refused[0]!.error?.code} ${refused[0]!.error?.message}`);
    copied += batch.length;
    if (copied % 10_000 < BATCH) log(`  ${surveyId}: ${copied} responses copied`);
    batch = [];
  };
  for await (const row of source.responses(surveyId, {})) {
    batch.push(await candidateOf(target, row));
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  return copied;
}

// The source checked these when it first stored them, so only what the target needs is worked out again.
async function candidateOf(target: Store, { response, receivedAt, group }: StoredResponse): Promise<Candidate> {
  const survey = await target.getSurvey(response.surveyId, response.surveyVersion);
  if (!survey) throw new Error(`survey ${response.surveyId} version ${response.surveyVersion} is missing in the target`);
  const canonical = canonicalJson(response);
  return { id: response.id, response, survey, canonical, hash: sha256(canonical), group, onePerDevice: false, receivedAt };
}

/** Every audit entry of a store, oldest first. */
async function allAudit(store: Store): Promise<StoredAuditEntry[]> {
  const out: StoredAuditEntry[] = [];
  for (let before: string | undefined; ; ) {
    const page = await store.accounts.audit({ limit: 1000, before });
    out.push(...page);
    if (page.length < 1000) return out.reverse();
    before = page[page.length - 1]!.id;
  }
}

/**
 * Copies organisers: accounts with their password hashes, personal tokens (as digests, so
 * scripts keep working) and the audit log, oldest entry first so the target keeps its
 * order. Sessions and set-password links are not copied: people sign in again. Each line
 * counts the source's rows and how many of them the target holds unchanged.
 */
async function copyOrganisers(source: Store, target: Store): Promise<CountLine[]> {
  const accounts = await source.accounts.list();
  for (const account of accounts) await target.accounts.create(account);
  const tokens = await source.accounts.listTokens();
  for (const token of tokens) await target.accounts.createToken(token);
  const entries = await allAudit(source);
  for (const entry of entries) await target.accounts.appendAudit(entry);
  const same = <T extends object>(rows: T[], others: T[], key: (row: T) => string) => {
    const byKey = new Map(others.map((o) => [key(o), o]));
    return rows.filter((r) => isDeepStrictEqual(r, byKey.get(key(r)))).length;
  };
  return [
    { what: 'organiser accounts', source: accounts.length, target: same(accounts, await target.accounts.list(), (a) => a.key) },
    { what: 'API tokens', source: tokens.length, target: same(tokens, await target.accounts.listTokens(), (t) => t.id) },
    { what: 'audit entries', source: entries.length, target: same(entries, await allAudit(target), (e) => e.id) },
  ];
}

async function responseCount(store: Store, surveyId: string): Promise<number> {
  let n = 0;
  for await (const _ of store.responses(surveyId, {})) n++;
  return n;
}

/** Whether the survey has a weighting on each side, the target's counted only when it is the same shares. */
async function weightingLine(source: Store, target: Store, surveyId: string): Promise<CountLine> {
  const [s, t] = await Promise.all([source.getWeighting(surveyId), target.getWeighting(surveyId)]);
  return { what: `${surveyId}: weighting`, source: s ? 1 : 0, target: t && (!s || isDeepStrictEqual(s, t)) ? 1 : 0 };
}

/**
 * Copies one store into another (`npm run migrate-store`): surveys, drafts (with their
 * revisions, so an editor's open page still matches), waves, weightings, responses with their received
 * times, comments' hidden flags, and organisers (accounts, tokens, the audit log); the
 * target's tallies are built by its own writes from the responses. Safe to run twice and
 * to resume after a failure: every
 * write is idempotent (a response already there is a duplicate). It ends by counting both
 * sides, and comparing every tally row, and says whether they agree.
 */
export async function migrateStore(source: Store, target: Store, log: (message: string) => void = () => undefined): Promise<MigrationReport> {
  const surveys = await source.listSurveys();
  for (const survey of [...surveys].sort((a, b) => a.version - b.version)) {
    const outcome = await target.putSurvey(survey);
    if (outcome === 'conflict') throw new Error(`survey ${survey.id} version ${survey.version} exists in the target with other content`);
  }
  const drafts = await source.drafts.list();
  for (const draft of drafts) await target.drafts.restore(draft);
  const ids = [...new Set(surveys.map((s) => s.id))].sort();
  let copied = 0;
  for (const id of ids) {
    for (const wave of await source.listWaves(id)) await target.putWave(id, wave);
    // First-come slugs got rows of their own in the source; the target keeps the same ones, so tallies match.
    for (const wave of await source.unregisteredWaves(id)) if (!wave.pooled) await target.keepOwnRows(id, wave.slug);
    const weighting = await source.getWeighting(id);
    if (weighting) await target.putWeighting(id, weighting);
    copied += await copyResponses(source, target, id, log);
    for (const [responseId, question] of (await countComments(source, id)).hiddenKeys) await target.setCommentHidden(id, responseId, question, true);
  }
  const lines: CountLine[] = [
    { what: 'survey versions', source: surveys.length, target: (await target.listSurveys()).length },
    { what: 'drafts', source: drafts.length, target: (await target.drafts.list()).length },
  ];
  let talliesAgree = true;
  for (const id of ids) {
    lines.push({ what: `${id}: waves`, source: (await source.listWaves(id)).length, target: (await target.listWaves(id)).length });
    lines.push(await weightingLine(source, target, id));
    lines.push({ what: `${id}: responses`, source: await responseCount(source, id), target: await responseCount(target, id) });
    const [sc, tc] = await Promise.all([countComments(source, id), countComments(target, id)]);
    lines.push({ what: `${id}: comments`, source: sc.all, target: tc.all }, { what: `${id}: hidden comments`, source: sc.hidden, target: tc.hidden });
    for (const survey of surveys.filter((s) => s.id === id)) {
      const key = (r: { wave: string; channel: string; group: string }) => `${r.wave}|${r.channel}|${r.group}`;
      const [s, t] = await Promise.all([source.tallyRows(id, survey.version), target.tallyRows(id, survey.version)]);
      const total = (rows: typeof s) => rows.reduce((n, r) => n + r.tally.count, 0);
      lines.push({ what: `${id} v${survey.version}: tallied responses`, source: total(s), target: total(t) });
      const byKey = new Map(t.map((r) => [key(r), r.tally]));
      if (s.length !== t.length || s.some((r) => !isDeepStrictEqual(r.tally, byKey.get(key(r))))) talliesAgree = false;
    }
  }
  lines.push({ what: 'tally rows identical', source: 1, target: talliesAgree ? 1 : 0 }, ...(await copyOrganisers(source, target)));
  return { copied, lines, ok: lines.every((l) => l.source === l.target) };
}
