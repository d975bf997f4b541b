import { For, Show } from 'solid-js';
import type { ResultsSnapshot } from '../../../core/results';
import { allQuestions, type Survey } from '../../../core/survey';
import { session } from '../state';
import { ot } from '../strings';
import { Comments } from './Comments';
import { QuestionCard, SegmentQuestion } from './QuestionResult';

/** Every question's chart for the filtered responses, and under each text question its comments (analysts and up). */
export function OverallView(props: { survey: Survey; snapshot: ResultsSnapshot }) {
  const questions = () => allQuestions(props.survey);
  return (
    <Show when={!props.snapshot.overall.withheld} fallback={<p class="org-card org-withheld">{ot('withheldNote')}</p>}>
      <For each={questions()}>
        {(question, i) => (
          <QuestionCard question={question} number={i() + 1}>
            <Show when={question.kind === 'text'} fallback={<SegmentQuestion question={question} segment={props.snapshot.overall} />}>
              <SegmentQuestion question={question} segment={props.snapshot.overall} />
              <Show when={session.can('analyst')}>
                <Comments survey={props.survey} question={question.id} filters={props.snapshot.filters} refresh={props.snapshot.generatedAt} />
              </Show>
            </Show>
          </QuestionCard>
        )}
      </For>
    </Show>
  );
}
