import { For, Show } from 'solid-js';
import type { ResultsSnapshot } from '../../../core/results';
import { questionNumbers } from '../../../core/numbering';
import { allQuestions, type Question, type Survey } from '../../../core/survey';
import { TrendChart, type TrendPoint } from '../charts/Trend';
import { tx } from '../../i18n';
import { ot } from '../strings';
import { QuestionCard } from './QuestionResult';

type Wave = ResultsSnapshot['waves'][number];

/** One wave's mean for a question; withheld waves and withheld questions give no figure. */
function pointOf(wave: Wave, question: Question): TrendPoint {
  const label = wave.label ? tx(wave.label) : wave.wave;
  if (wave.withheld || wave.withheldQuestions.includes(question.id)) return { label, n: null, mean: null, ci: null };
  const s = wave.questions[question.id];
  if (!s || (s.kind !== 'likert' && s.kind !== 'spectrum')) return { label, n: 0, mean: null, ci: null };
  return { label, n: s.n, mean: s.mean, ci: s.ci };
}

/**
 * Opinion tracking: the mean of every position (Likert) and of the spectrum per wave, in
 * the waves' start order, so a forum's move from day one to day two is one line.
 */
export function TrendView(props: { survey: Survey; snapshot: ResultsSnapshot }) {
  const questions = () => allQuestions(props.survey).filter((q) => q.kind === 'likert' || q.kind === 'spectrum');
  const range = (q: Question): [number, number] => (q.kind === 'likert' ? [1, q.points] : q.kind === 'spectrum' ? [q.min, q.max] : [0, 1]);
  return (
    <Show when={props.snapshot.waves.length >= 2} fallback={<p class="org-card org-note">{ot('trendNone')}</p>}>
      <For each={questions()}>
        {(question) => (
          <QuestionCard question={question} number={questionNumbers(props.survey).get(question.id)!}>
            <TrendChart min={range(question)[0]} max={range(question)[1]} points={props.snapshot.waves.map((w) => pointOf(w, question))} />
          </QuestionCard>
        )}
      </For>
    </Show>
  );
}
