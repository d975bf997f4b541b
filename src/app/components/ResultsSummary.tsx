import { For, Match, Show, Switch, createResource } from 'solid-js';
import type { AnswerValue, Response } from '../../core/response';
import type { ResultsSnapshot } from '../../core/results';
import type { QuestionSummary } from '../../core/summary';
import { allQuestions } from '../../core/questions';
import type { Question, Survey } from '../../core/survey';
import { locale, t, tx } from '../i18n';
import { formatDateTime, formatNumber, withUnit } from '../numbers';
import { answerText } from '../answer-text';
import { dk } from './questions/dont-know';
import { rt } from './results-strings';
import { resultsFor } from '../stores/sync';

const percent = (share: number) => `${Math.round(share * 100)}%`;
const two = (n: number) => formatNumber(n, locale(), 2);

/** How the room answered so far, from the server when reachable, else the last copy on the device. */
export function ResultsSummary(props: { survey: Survey; response?: Response }) {
  const [results] = createResource(() => resultsFor(props.survey.id));
  const snapshot = () => results()?.value;
  return (
    <section class="results" aria-labelledby="results-title" lang={locale()}>
      <h2 id="results-title">{rt('resultsTitle')}</h2>
      <Show when={snapshot()} fallback={<p class="hint">{results.loading ? t('loading') : rt('resultsUnavailable')}</p>}>
        {(s) => (
          <>
            <p class="hint">
              {rt('responsesCount')}: {s().count ?? rt('fewerThan5')} · {rt('resultsAge')} {formatDateTime(results()!.fetchedAt, locale())}
            </p>
            <For each={allQuestions(props.survey).filter((q) => q.kind !== 'text' && summaries(s())[q.id])}>
              {(q) => <QuestionResult question={q} summary={summaries(s())[q.id]!} mine={props.response?.answers[q.id]} />}
            </For>
          </>
        )}
      </Show>
    </section>
  );
}

/** The overall figures per question; none when the whole snapshot is withheld (fewer than 5). */
function summaries(snapshot: ResultsSnapshot): Record<string, QuestionSummary> {
  return snapshot.overall.withheld ? {} : snapshot.overall.questions;
}

function Bar(props: { label: string; share: number; value: string; mine?: boolean }) {
  return (
    <li class="bar-row" classList={{ mine: props.mine }}>
      <span class="bar-label">{props.label}</span>
      <span class="bar" aria-hidden="true"><span style={{ width: percent(Math.min(1, props.share)) }} /></span>
      <span class="bar-value">{props.value}</span>
    </li>
  );
}

function QuestionResult(props: { question: Question; summary: QuestionSummary; mine: unknown }) {
  const label = (id: string) => ('options' in props.question ? tx(props.question.options.find((o) => o.id === id)?.label ?? { ko: id, en: id }) : id);
  return (
    <div class="result">
      <h3>{tx(props.question.prompt)} <span class="hint">(n = {props.summary.n})</span></h3>
      <Switch>
        <Match when={(props.summary.kind === 'likert' || props.summary.kind === 'spectrum') && props.summary}>
          {(s) => (
            <>
              <p>
                {rt('mean')}: {s().mean === null ? '—' : two(s().mean!)}
                <Show when={s().ci}>{(ci) => <> ({rt('interval')} {two(ci()[0])}–{two(ci()[1])})</>}</Show>
                <Show when={s().dk > 0}> · {dk('dontKnow')} {percent(s().dkShare)} ({s().dk})</Show>
              </p>
              <Show when={props.mine !== undefined && props.mine}>
                {(mine) => <p class="hint">{rt('yourAnswer')}: {answerText(props.question, mine() as AnswerValue)}</p>}
              </Show>
            </>
          )}
        </Match>
        <Match when={props.summary.kind === 'choice' && props.summary}>
          {(s) => <ul class="bars"><For each={Object.entries(s().shares)}>{([id, share]) => <Bar label={label(id)} share={share} value={percent(share)} mine={props.mine === id} />}</For></ul>}
        </Match>
        <Match when={props.summary.kind === 'ranking' && props.summary}>
          {(s) => (
            <>
              <p class="hint">{rt('rankedFirst')}</p>
              <ul class="bars"><For each={Object.entries(s().options)}>{([id, o]) => <Bar label={label(id)} share={o.firstShare} value={percent(o.firstShare)} mine={Array.isArray(props.mine) && props.mine[0] === id} />}</For></ul>
            </>
          )}
        </Match>
        <Match when={props.question.kind === 'allocation' && props.summary.kind === 'allocation' && { q: props.question, s: props.summary }}>
          {(a) => (
            <>
              <p class="hint">{rt('meanAmount')}</p>
              <ul class="bars">
                <For each={Object.entries(a().s.areas)}>
                  {([id, area]) => <Bar label={label(id)} share={(area.mean ?? 0) / a().q.total} value={withUnit(area.mean ?? 0, tx(a().q.unit), locale())} />}
                </For>
              </ul>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
