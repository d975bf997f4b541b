import { For, Show } from 'solid-js';
import type { ResultsSnapshot } from '../../../core/results';
import { questionNumbers } from '../../../core/numbering';
import { allQuestions, type Question, type Survey } from '../../../core/survey';
import { groupName, num, segmentCount } from '../format';
import { QuestionCard, SegmentQuestion } from '../results/QuestionResult';
import { rt } from './strings';

/** One question's figures for every stakeholder group, a column each. */
function GroupColumns(props: { survey: Survey; question: Question; groups: ResultsSnapshot['groups']; weighted: boolean }) {
  return (
    <div class="rp-groups">
      <h3 class="rp-sub">{props.weighted ? rt('groupsSideUnweighted') : rt('groupsSide')}</h3>
      <div class="rp-group-grid">
        <For each={props.groups}>
          {(g) => (
            <div class="rp-group rp-keep">
              <h4>
                {groupName(props.survey, g.group)} <span class="org-note">n = {segmentCount(g.count)}</span>
              </h4>
              <SegmentQuestion question={props.question} segment={g} breakdown />
            </div>
          )}
        </For>
      </div>
    </div>
  );
}

/**
 * Every question in the survey's order: the chart and table of all filtered responses,
 * labelled as weighted with the effective n when it is; then, when the survey has stakeholder groups and the report is not of one group, the
 * same question for each group side by side. Free-text questions give their n only: the
 * report prints no comment.
 */
export function QuestionSections(props: { survey: Survey; snapshot: ResultsSnapshot }) {
  const overall = () => (props.snapshot.weighting ? rt('overallWeighted').replace('{n}', num(props.snapshot.weighting.effectiveN)) : rt('overall'));
  const questions = () => allQuestions(props.survey);
  const numbers = () => questionNumbers(props.survey);
  const byGroup = () => props.snapshot.groups.length > 1 && !props.snapshot.filters.group;
  return (
    <section class="rp-section" aria-labelledby="rp-questions">
      <h2 id="rp-questions">{rt('questions')}</h2>
      <For each={questions()}>
        {(question) => (
          <QuestionCard question={question} number={numbers().get(question.id)!}>
            <div class="rp-keep">
              <h3 class="rp-sub">{overall()}</h3>
              <SegmentQuestion question={question} segment={props.snapshot.overall} />
            </div>
            <Show when={byGroup() && question.kind !== 'text' && question.id !== props.survey.segmentBy}>
              <GroupColumns survey={props.survey} question={question} groups={props.snapshot.groups} weighted={props.snapshot.weighting !== undefined} />
            </Show>
          </QuestionCard>
        )}
      </For>
    </section>
  );
}
