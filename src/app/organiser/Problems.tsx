import { For, Show } from 'solid-js';
import { isAppError } from '../../core/errors';
import { SURVEY_PROBLEM_MESSAGES, surveyProblemMessage, type ProblemParams, type SurveyProblemCode } from '../../core/survey-problem-messages';
import { locale } from '../i18n';
import { ot } from './strings';

/**
 * One thing the server found wrong, at a JSON path like `sections[0].questions[2].id`. Survey
 * problems also carry a code and params, so they can be shown in the UI language.
 */
export type Issue = { path: string; message: string; code?: string; params?: ProblemParams };

/** An issue's words in the UI language when its code is a known survey problem, else the server's message. */
function issueMessage(issue: Issue): string {
  if (issue.code === undefined || !(issue.code in SURVEY_PROBLEM_MESSAGES)) return issue.message;
  return surveyProblemMessage(issue.code as SurveyProblemCode, issue.params ?? {}, locale());
}

/** The server's per-path issues from an `invalid` answer, if any. */
export function serverIssues(error: unknown): Issue[] {
  const server = isAppError(error) ? (error.details.server as { issues?: unknown } | undefined) : undefined;
  return Array.isArray(server?.issues) ? (server.issues as Issue[]).filter((i) => typeof i?.path === 'string') : [];
}

/** An error message with the issues under it, each led by the JSON path it is about. */
export function Problems(props: { message: string; issues: Issue[] }) {
  return (
    <div class="org-error">
      <p>{props.message}</p>
      <Show when={props.issues.length}>
        <h2>{ot('problems')}</h2>
        <ul class="org-issues">
          <For each={props.issues}>
            {(i) => (
              <li>
                <code>{i.path || '(root)'}</code>: {issueMessage(i)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
