import { For, createSignal } from 'solid-js';
import type { ResultsSnapshot } from '../../../core/results';
import { allQuestions, type Survey } from '../../../core/survey';
import { countText, groupName } from '../format';
import { ot } from '../strings';
import { QuestionCard, SegmentQuestion } from './QuestionResult';

/**
 * Stakeholder groups side by side: the organiser picks the groups (say, defense and
 * culture) and every question shows one column per group. A group with fewer than 5
 * responses shows "fewer than 5" and no figures.
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
                {groupName(props.survey, g.group)} (n = {countText(g.count)})
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <For each={questions()}>
        {(question) => (
          <QuestionCard question={question} number={allQuestions(props.survey).indexOf(question) + 1}>
            <div class="org-columns">
              <For each={selected()}>
                {(group) => (
                  <div class="org-column">
                    <h4>
                      {groupName(props.survey, group)} <span class="org-note">n = {countText(segment(group)?.count ?? null)}</span>
                    </h4>
                    <SegmentQuestion question={question} segment={segment(group) ?? { withheld: true, count: null }} />
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
