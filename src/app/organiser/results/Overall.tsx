import { A } from '@solidjs/router';
import { For, Match, Show, Switch, createMemo } from 'solid-js';
import { questionNumbers } from '../../../core/numbering';
import type { ResultsSnapshot, Segment } from '../../../core/results';
import { allQuestions, type Question, type Survey } from '../../../core/survey';
import { session } from '../state';
import { ot } from '../strings';
import { QuestionCard, SegmentQuestion } from './QuestionResult';

type Shown = Extract<Segment, { withheld: false }>;

/**
 * A text question's card body: how many answered and the way to read them, or one line
 * saying there is nothing yet. A withheld count still leads to the comments: the
 * organiser reads them anyway, only the figure stays hidden.
 */
function TextAnswers(props: { question: Question; segment: Shown; href: string }) {
  const n = () => props.segment.questions[props.question.id]?.n ?? 0;
  // Comments are raw answers: analysts and up read them.
  const link = () => (
    <Show when={session.can('analyst')}>
      <A class="button secondary small" href={props.href}>
        {ot('readComments')}
      </A>
    </Show>
  );
  return (
    <Switch>
      <Match when={props.segment.withheldQuestions.includes(props.question.id)}>
        <p class="org-withheld">{ot('questionWithheld')}</p>
        <p class="org-actions">{link()}</p>
      </Match>
      <Match when={n() === 0}>
        <p class="org-note">{ot('noAnswers')}</p>
      </Match>
      <Match when={true}>
        <p class="org-actions">
          <span>
            {ot('answeredCount')}: <strong>{n()}</strong>
          </span>
          {link()}
        </p>
      </Match>
    </Switch>
  );
}

/** Every question's chart for the filtered responses; a text question says how many answered and links to its comments. */
export function OverallView(props: { survey: Survey; snapshot: ResultsSnapshot; commentsHref: (question: string) => string }) {
  const questions = () => allQuestions(props.survey);
  const numbers = createMemo(() => questionNumbers(props.survey));
  return (
    <Show when={props.snapshot.overall.withheld ? undefined : (props.snapshot.overall as Shown)} fallback={<p class="org-card org-withheld">{ot('withheldNote')}</p>}>
      {(overall) => (
        <For each={questions()}>
          {(question) => (
            <QuestionCard question={question} number={numbers().get(question.id)!}>
              <Show when={question.kind === 'text'} fallback={<SegmentQuestion question={question} segment={overall()} />}>
                <TextAnswers question={question} segment={overall()} href={props.commentsHref(question.id)} />
              </Show>
            </QuestionCard>
          )}
        </For>
      )}
    </Show>
  );
}
