import { For, Show, createResource } from 'solid-js';
import { cachedRead, type Client } from '../../client';
import { allQuestions } from '../../core/questions';
import { QuotaAnswerSchema, type QuotaAnswer } from '../../core/quota-answer';
import { quotaProgress } from '../../core/quotas';
import { groupOf } from '../../core/results';
import type { Survey } from '../../core/survey';
import { locale, tx } from '../i18n';
import { formatDateTime } from '../numbers';
import { fill } from '../particles';
import { syncStatus } from '../stores/sync';
import { ft } from './field-strings';

/** One wave's quotas on this device: the last answer the server gave, and this device's unsent responses by group. */
type WaveQuotas = { survey: Survey; answer: QuotaAnswer; fetchedAt: string; fresh: boolean; unsent: Record<string, number> };

const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);

/**
 * The collector's waves (those of this device's field responses to the survey) with their
 * quotas: each from the server when it answers, else the copy kept from the last answer;
 * a wave that is not registered, or never answered while online, shows nothing.
 */
async function quotasOf(client: Client, survey: Survey): Promise<WaveQuotas[]> {
  const [all, outbox] = await Promise.all([client.listResponses(survey.id), client.listOutbox()]);
  const waves = [...new Set(all.filter((r) => r.channel === 'field').map((r) => r.wave))].sort();
  const found = await Promise.all(
    waves.map(async (wave) => {
      const url = `/api/v1/surveys/${encodeURIComponent(survey.id)}/waves/${encodeURIComponent(wave)}/quotas`;
      const read = await cachedRead(`quotas:${survey.id}:${wave}`, url, QuotaAnswerSchema, { client }).catch(() => undefined);
      if (!read || read.value.quotas.length === 0) return [];
      const unsent: Record<string, number> = {};
      for (const r of outbox) if (r.surveyId === survey.id && r.wave === wave) count(unsent, groupOf(survey, r.answers));
      return [{ survey, answer: read.value, fetchedAt: read.fetchedAt, fresh: read.fresh, unsent }];
    }),
  );
  return found.flat();
}

/** A group's label from the survey's `segmentBy` question. */
function groupLabel(survey: Survey, group: string): string {
  const question = allQuestions(survey).find((q) => q.id === survey.segmentBy);
  const option = question && 'options' in question ? question.options.find((o) => o.id === group) : undefined;
  return option ? tx(option.label) : group;
}

/** One wave's quotas: per group the total so far of a target, as the server counted plus this device's unsent. */
function WaveCard(props: { q: WaveQuotas }) {
  const synced = () => Object.fromEntries(props.q.answer.quotas.map((x) => [x.group, x.count ?? 0]));
  const targets = () => Object.fromEntries(props.q.answer.quotas.map((x) => [x.group, x.target]));
  const rows = () => quotaProgress(props.q.survey, targets(), synced(), props.q.unsent);
  const withheld = (group: string) => props.q.answer.quotas.find((x) => x.group === group)?.count === null;
  return (
    <div class="quota-wave">
      <h3>{tx(props.q.answer.label)} <span class="hint">({props.q.answer.wave})</span></h3>
      <p class="hint">{fill(ft(props.q.fresh ? 'quotasFresh' : 'quotasKept'), { when: formatDateTime(props.q.answer.generatedAt, locale()) })}</p>
      <ul class="quotas">
        <For each={rows()}>
          {(row) => (
            <li data-group={row.group}>
              <span class="quota-label">{groupLabel(props.q.survey, row.group)}</span>
              <span class="quota-figure">
                {withheld(row.group) ? fill(ft('quotaFigureWithheld'), { unsent: props.q.unsent[row.group] ?? 0, target: row.target }) : fill(ft('quotaFigure'), { count: row.count, target: row.target })}
              </span>
              <progress max={row.target} value={Math.min(row.count, row.target)} aria-label={groupLabel(props.q.survey, row.group)} />
              <span class="hint quota-parts">{fill(ft('quotaParts'), { synced: withheld(row.group) ? ft('fewerThan5') : synced()[row.group] ?? 0, unsent: props.q.unsent[row.group] ?? 0 })}</span>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}

/** Field mode's quotas: each of the collector's waves, read again whenever the sync status moves. */
export function FieldQuotas(props: { client: Client; surveys: Survey[] }) {
  const [waves] = createResource(
    () => ({ ...syncStatus() }),
    async () => (await Promise.all(props.surveys.map((s) => quotasOf(props.client, s)))).flat(),
  );
  return (
    <Show when={waves.latest?.length}>
      <section class="card" aria-labelledby="quotas-title">
        <h2 id="quotas-title">{ft('quotasTitle')}</h2>
        <For each={waves.latest}>{(q) => <WaveCard q={q} />}</For>
      </section>
    </Show>
  );
}
