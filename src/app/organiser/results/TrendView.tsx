import { For, Show, createResource } from 'solid-js';
import { questionNumbers } from '../../../core/numbering';
import type { ResultsSnapshot } from '../../../core/results';
import { allQuestions, type Question, type Survey } from '../../../core/survey';
import { trendLines, trendPoints, type TrendLine } from '../../../core/trend-lines';
import { TrendChart, type TrendPoint } from '../charts/Trend';
import { tx } from '../../i18n';
import { ot } from '../strings';
import { QuestionCard } from './QuestionResult';
import { loadVersions } from './trend-data';

const range = (q: Question): [number, number] => (q.kind === 'likert' ? [1, q.points] : q.kind === 'spectrum' ? [q.min, q.max] : [0, 1]);

/** What the card says about the question's wording across versions: kept since a version, or reworded in this one. */
function WordingNote(props: { lines: TrendLine[]; version: number }) {
  const current = () => props.lines.find((l) => l.versions.includes(props.version));
  const earlier = () => props.lines.filter((l) => l !== current());
  return (
    <p class="org-note" data-testid="wording-note">
      <Show when={current() && current()!.versions[0]! < props.version}>{ot('sameWordingSince').replace('{v}', String(current()!.versions[0]))} </Show>
      <Show when={earlier().length}>{ot('rewordedNewLine').replace('{v}', earlier().map((l) => l.versions.join(', ')).join('; '))}</Show>
    </p>
  );
}

/**
 * Opinion tracking: the mean of every position (Likert) and of the spectrum per wave, in the
 * waves' start order, across every version that asks the question the same way (DESIGN §4),
 * so a forum's move from day one to day two is one line even over a new version. Where a
 * version reworded the question, its answers start a new line, drawn apart from the old one.
 */
export function TrendView(props: { survey: Survey; snapshot: ResultsSnapshot; versions: number[]; query: Record<string, string> }) {
  const [others] = createResource(
    () => ({ id: props.survey.id, versions: props.versions.filter((v) => v !== props.survey.version), query: props.query }),
    (key) => loadVersions(key.id, key.versions, key.query),
  );
  const definitions = () => [props.survey, ...(others()?.definitions ?? [])];
  const snapshots = () => new Map([...(others()?.snapshots ?? []), [props.survey.version, props.snapshot]]);
  const questions = () => allQuestions(props.survey).filter((q) => q.kind === 'likert' || q.kind === 'spectrum');
  const linesOf = (q: Question) => trendLines(definitions(), q.id);
  const pointsOf = (q: Question): TrendPoint[] => {
    const points = trendPoints(linesOf(q), snapshots(), q.id);
    // Waves are named by their version only where the points come from more than one.
    const several = new Set(points.map((p) => p.version)).size > 1;
    return points.map((p) => ({
      label: `${several ? `v${p.version} · ` : ''}${p.label ? tx(p.label) : p.wave}`,
      n: p.n,
      dk: p.dk,
      mean: p.mean,
      ci: p.ci,
      line: p.line,
    }));
  };
  return (
    <For each={questions()} fallback={<p class="org-card org-note">{ot('trendNone')}</p>}>
      {(question) => (
        <QuestionCard question={question} number={questionNumbers(props.survey).get(question.id)!}>
          <WordingNote lines={linesOf(question)} version={props.survey.version} />
          <Show when={pointsOf(question).length >= 2} fallback={<p class="org-note">{ot('trendNone')}</p>}>
            <TrendChart min={range(question)[0]} max={range(question)[1]} points={pointsOf(question)} />
          </Show>
        </QuestionCard>
      )}
    </For>
  );
}
