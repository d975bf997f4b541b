import { For, Show } from 'solid-js';
import type { ResultsSnapshot } from '../../../core/results';
import { questionNumbers } from '../../../core/numbering';
import { allQuestions, type Question, type Survey } from '../../../core/survey';
import { tx } from '../../i18n';
import { TrendChart, type TrendPoint } from '../charts/Trend';
import { ot } from '../strings';
import { rt } from './strings';

type Wave = ResultsSnapshot['waves'][number];
type Scale = Extract<Question, { kind: 'likert' | 'spectrum' }>;

/** One wave's mean for a question; withheld waves and withheld questions give no figure. */
function pointOf(wave: Wave, question: Scale): TrendPoint {
  const label = wave.label ? tx(wave.label) : wave.wave;
  if (wave.withheld || wave.withheldQuestions.includes(question.id)) return { label, n: null, mean: null, ci: null };
  const s = wave.questions[question.id];
  if (!s || (s.kind !== 'likert' && s.kind !== 'spectrum')) return { label, n: 0, mean: null, ci: null };
  return { label, n: s.n, mean: s.mean, ci: s.ci };
}

/**
 * The mean of every position and of the spectrum per wave, in start order, each under its
 * question's prompt. The results page's trend view shows the same lines; here they are
 * headed by the report's own numbering and ids, since the report also prints the questions.
 */
export function TrendSection(props: { survey: Survey; snapshot: ResultsSnapshot }) {
  const questions = () => allQuestions(props.survey).filter((q): q is Scale => q.kind === 'likert' || q.kind === 'spectrum');
  const number = (q: Question) => questionNumbers(props.survey).get(q.id);
  const range = (q: Scale): [number, number] => (q.kind === 'likert' ? [1, q.points] : [q.min, q.max]);
  return (
    <section class="rp-section" aria-labelledby="rp-trends">
      <h2 id="rp-trends">{rt('trends')}</h2>
      <Show when={props.snapshot.waves.length >= 2} fallback={<p class="org-note">{ot('trendNone')}</p>}>
        <For each={questions()}>
          {(question) => (
            // Not a region of its own: it would share its name with the question's card above.
            <div class="org-card rp-keep">
              <h3>
                <span class="org-qnum">{number(question)}.</span> {tx(question.prompt)}
              </h3>
              <TrendChart min={range(question)[0]} max={range(question)[1]} points={props.snapshot.waves.map((w) => pointOf(w, question))} />
            </div>
          )}
        </For>
      </Show>
    </section>
  );
}
