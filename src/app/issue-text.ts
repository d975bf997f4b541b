import type { LocalizedText } from '../core/survey';
import type { AnswerIssueCode } from '../core/validate';
import { tx } from './i18n';

const ISSUES: Record<AnswerIssueCode, LocalizedText> = {
  required: { ko: '응답해 주세요.', en: 'Please answer this question.' },
  wrong_type: { ko: '응답 형식이 맞지 않습니다.', en: 'This answer has the wrong form.' },
  not_integer: { ko: '정수를 입력해 주세요.', en: 'Please enter a whole number.' },
  out_of_range: { ko: '범위를 벗어났습니다.', en: 'This value is out of range.' },
  unknown_option: { ko: '없는 선택지입니다.', en: 'That option does not exist.' },
  too_many: { ko: '선택이 너무 많습니다.', en: 'Too many options are picked.' },
  repeated: { ko: '같은 선택지가 두 번 있습니다.', en: 'An option appears twice.' },
  wrong_count: { ko: '필요한 개수만큼 순위를 매겨 주세요.', en: 'Please rank the number of options asked for.' },
  negative: { ko: '음수는 쓸 수 없습니다.', en: 'Amounts cannot be negative.' },
  sum_mismatch: { ko: '합계가 정확히 맞아야 합니다.', en: 'The amounts must add up exactly to the total.' },
  not_multiple_of_step: { ko: '정해진 단위로 입력해 주세요.', en: 'Please use the given step size.' },
  too_long: { ko: '글이 너무 깁니다.', en: 'This text is too long.' },
  empty: { ko: '내용을 입력해 주세요.', en: 'Please enter some text.' },
  hidden: { ko: '이 질문에는 응답하지 않습니다.', en: 'This question takes no answer.' },
  unknown_question: { ko: '없는 질문입니다.', en: 'Unknown question.' },
  survey_mismatch: { ko: '다른 설문의 응답입니다.', en: 'This response belongs to another survey.' },
};

/** A respondent-facing explanation of one answer issue, in the current locale. */
export function issueText(code: AnswerIssueCode): string {
  return tx(ISSUES[code]);
}
