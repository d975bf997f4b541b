import type { AnswerValue } from '../../../core/response';
import type { Question } from '../../../core/survey';

/** What every question component receives; `onChange(undefined)` clears the answer. */
export type QuestionProps<Q extends Question> = {
  question: Q;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  /** The id of the element that names the question, for aria-labelledby. */
  labelId: string;
  /** The ids of the help and error texts, for aria-describedby. */
  describedBy: string;
  invalid: boolean;
};
