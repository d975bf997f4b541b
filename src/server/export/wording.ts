import type { LocalizedText } from '../../core/survey';

// What the built-in columns of an export mean, and the labels of their codes, in both
// languages: the codebook prints them, and labelled exports write the labels.

/** The built-in columns, in order, with what each holds. */
export const META_WORDING: Record<string, LocalizedText> = {
  id: { ko: '응답 ID (UUID v7, 기기에서 응답을 시작할 때 생성)', en: 'Response id (UUID v7, made on the device when the respondent started)' },
  version: { ko: '응답한 설문 버전', en: 'Survey version answered' },
  wave: { ko: '차수 (행사 세션 또는 현장 조사 회차)', en: 'Wave (a conference session or a field round)' },
  channel: { ko: '응답 경로', en: 'Channel the response came through' },
  group: { ko: '이해관계자 그룹 (그룹 질문의 응답)', en: "Stakeholder group (the answer to the survey's group question)" },
  collector: { ko: '조사원 이름 (현장 조사, 개인정보)', en: 'Collector name (field mode; personal data)' },
  locale: { ko: '응답 언어', en: 'Language the respondent used' },
  device: { ko: '기기 ID (설치마다 무작위)', en: 'Device id (random per installation)' },
  startedAt: { ko: '응답 시작 시각 (UTC, ISO 8601)', en: 'Started at (UTC, ISO 8601)' },
  submittedAt: { ko: '제출 시각 (UTC, ISO 8601)', en: 'Submitted at (UTC, ISO 8601)' },
  receivedAt: { ko: '서버 수신 시각 (UTC, ISO 8601)', en: 'Received by the server at (UTC, ISO 8601)' },
};

/** Labels of the channels. */
export const CHANNEL_LABELS: Record<string, LocalizedText> = {
  conference: { ko: '행사', en: 'Conference' },
  field: { ko: '현장 조사', en: 'Field' },
  web: { ko: '웹', en: 'Web' },
};

/** Labels of the response languages. */
export const LOCALE_LABELS: Record<string, LocalizedText> = {
  ko: { ko: '한국어', en: 'Korean' },
  en: { ko: '영어', en: 'English' },
};

/** The label of the group of responses without one. */
export const NO_GROUP_LABEL: LocalizedText = { ko: '(그룹 없음)', en: '(no group)' };
/** The label of "don't know", as the respondent saw it. */
export const DONT_KNOW_LABEL: LocalizedText = { ko: '잘 모르겠음', en: "Don't know" };
/** Codes of a per-option column of a multiple choice. */
export const PICKED_LABELS: [number, LocalizedText][] = [
  [1, { ko: '선택함', en: 'Selected' }],
  [0, { ko: '선택하지 않음', en: 'Not selected' }],
];

/** The label of a ranking place: "1순위" / "place 1". */
export function placeLabel(place: number): LocalizedText {
  return { ko: `${place}순위`, en: `place ${place}` };
}

/** A question's wording with one of its options: "prompt — option", and the unit of an allocation. */
export function withOption(prompt: LocalizedText, option: LocalizedText, unit?: LocalizedText): LocalizedText {
  const tail = (lang: 'ko' | 'en') => (unit ? ` (${unit[lang]})` : '');
  return { ko: `${prompt.ko} — ${option.ko}${tail('ko')}`, en: `${prompt.en} — ${option.en}${tail('en')}` };
}
