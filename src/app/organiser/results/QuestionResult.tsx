import { Match, Show, Switch, type JSX } from 'solid-js';
import type { Segment } from '../../../core/results';
import type { QuestionSummary } from '../../../core/summary';
import type { AllocationQuestion, ChoiceQuestion, LikertQuestion, Question, RankingQuestion, SpectrumQuestion } from '../../../core/survey';
import { tx } from '../../i18n';
import { AllocationChart, ChoiceChart, RankingChart } from '../charts/Bars';
import { HistogramChart } from '../charts/Histogram';
import { LikertChart } from '../charts/Likert';
import { fill } from '../../particles';
import { ot } from '../strings';
import { wt } from '../weighting-strings';
import { effectiveText } from './Weighting';

type Shown = Extract<Segment, { withheld: false }>;
type Scale = Extract<QuestionSummary, { kind: 'likert' }>;

/**
 * The chart for one question's figures. Charts switch on the question's kind only, so a
 * live update changes their figures in place (an open table stays open).
 */
export function QuestionChart(props: { question: Question; summary: QuestionSummary }) {
  const s = () => props.summary;
  return (
    <Switch fallback={<p class="org-note">n = {s().n}</p>}>
      <Match when={props.question.kind === 'likert'}>
        <LikertChart question={props.question as LikertQuestion} summary={s() as Scale} />
      </Match>
      <Match when={props.question.kind === 'spectrum'}>
        <HistogramChart question={props.question as SpectrumQuestion} summary={s() as Scale} />
      </Match>
      <Match when={props.question.kind === 'choice'}>
        <ChoiceChart question={props.question as ChoiceQuestion} summary={s() as Extract<QuestionSummary, { kind: 'choice' }>} />
      </Match>
      <Match when={props.question.kind === 'allocation'}>
        <AllocationChart question={props.question as AllocationQuestion} summary={s() as Extract<QuestionSummary, { kind: 'allocation' }>} />
      </Match>
      <Match when={props.question.kind === 'ranking'}>
        <RankingChart question={props.question as RankingQuestion} summary={s() as Extract<QuestionSummary, { kind: 'ranking' }>} />
      </Match>
    </Switch>
  );
}

/** One segment's figures for one question (the whole, or a group or wave of a breakdown), or why there are none; weighted figures say so, with n and effective n. */
export function SegmentQuestion(props: { question: Question; segment: Segment; breakdown?: boolean }) {
  const shown = () => (props.segment.withheld ? undefined : (props.segment as Shown));
  const summary = () => shown()?.questions[props.question.id];
  return (
    <Switch>
      <Match when={props.segment.withheld}>
        <p class="org-withheld">{props.breakdown ? ot('segmentWithheldNote') : ot('withheldNote')}</p>
      </Match>
      <Match when={shown()?.withheldQuestions.includes(props.question.id)}>
        <p class="org-withheld">{ot('questionWithheld')}</p>
      </Match>
      <Match when={!summary() || summary()!.n === 0}>
        <p class="org-note">{ot('noAnswers')}</p>
      </Match>
      <Match when={summary()}>
        {(s) => (
          <>
            <Show when={(s() as { effectiveN?: number }).effectiveN !== undefined}>
              <p class="org-weighted-label">{fill(wt('weightedLabel'), { n: s().n, effective: effectiveText((s() as { effectiveN?: number }).effectiveN) })}</p>
            </Show>
            <QuestionChart question={props.question} summary={s()} />
          </>
        )}
      </Match>
    </Switch>
  );
}

/** A question's card: its number and prompt as a heading, then what goes under it. */
export function QuestionCard(props: { question: Question; number: string; children: JSX.Element; id?: string }) {
  return (
    <section class="org-card org-question" id={props.id} aria-labelledby={`r-${props.question.id}`}>
      <h2 id={`r-${props.question.id}`}>
        <span class="org-qnum">{props.number}.</span> {tx(props.question.prompt)}
      </h2>
      <Show when={props.question.help}>{(help) => <p class="org-note">{tx(help())}</p>}</Show>
      {props.children}
    </section>
  );
}
