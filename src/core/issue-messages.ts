import type { AnswerIssue, AnswerIssueCode } from './validate';

const MESSAGES: Record<AnswerIssueCode, string> = {
  required: 'an answer is required',
  wrong_type: 'the answer has the wrong type for this question',
  not_integer: 'the answer must be a whole number',
  out_of_range: 'the answer is outside the scale',
  unknown_option: 'the answer names an option this question does not have',
  too_many: 'too many options picked',
  repeated: 'an option is given more than once',
  wrong_count: 'the ranking has the wrong number of options',
  negative: 'an amount is negative',
  sum_mismatch: 'the amounts do not add up to the total',
  not_multiple_of_step: 'an amount is not a multiple of the step',
  too_long: 'the text is too long',
  empty: 'the text must be trimmed and not empty',
  hidden: 'the question is hidden by an earlier answer, so it takes no answer',
  unknown_question: 'the survey has no such question',
  survey_mismatch: 'the response belongs to another survey or version',
};

/** Issues with their standard English message, as the API reports them. */
export function describeIssues(issues: AnswerIssue[]): (AnswerIssue & { message: string })[] {
  return issues.map((issue) => ({ ...issue, message: MESSAGES[issue.code] }));
}
