import { For, createSignal } from 'solid-js';
import type { ResultsSnapshot } from '../../../core/results';
import { questionNumbers } from '../../../core/numbering';
import { allQuestions, type Survey } from '../../../core/survey';
import { groupName, segmentCount } from '../format';
import { ot } from '../strings';
import { QuestionCard, SegmentQuestion } from './QuestionResult';

/**
 * Stakeholder groups side by side: the organiser picks the groups (say, defense and
 * culture) and every question shows one column per group. A withheld group (fewer than 5
 * responses, or held back with one) shows why and no figures.
 */
export function CompareView(props: { survey: Survey; snapshot: ResultsSnapshot }) {
  const [chosen, setChosen] = createSignal<string[]>();
  const groups = () => props.snapshot.groups;
  const selected = () => chosen() ?? groups().filter((g) => !g.withheld).slice(0, 2).map((g) => g.group);
  const toggle = (group: string, on: boolean) => setChosen(groups().map((g) => g.group).filter((g) => (g === group ? on : selected().includes(g))));
  const segment = (group: string) => groups().find((g) => g.group === group);
  const questions = () => allQuestions(props.survey).filter((q) => q.kind !== 'text');
  return (
    <>
      <fieldset class="org-card org-choose">
        <legend>{ot('compareWhich')}</legend>
        <For each={groups()}>
          {(g) => (
            <label class="org-check">
              <input type="checkbox" checked={selected().includes(g.group)} onChange={(e) => toggle(g.group, e.currentTarget.checked)} />
              <span>
                {groupName(props.survey, g.group)} (n = {segmentCount(g.count)})
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <For each={questions()}>
        {(question) => (
          <QuestionCard question={question} number={questionNumbers(props.survey).get(question.id)!}>
            <div class="org-columns">
              <For each={selected()}>
                {(group) => (
                  <div class="org-column">
                    <h3>
                      {groupName(props.survey, group)} <span class="org-note">n = {segmentCount(segment(group)?.count ?? null)}</span>
                    </h3>
                    <SegmentQuestion question={question} segment={segment(group) ?? { withheld: true, count: null }} breakdown />
                  </div>
                )}
              </For>
            </div>
          </QuestionCard>
        )}
      </For>
    </>
  );
}
