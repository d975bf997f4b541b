import type { LocalizedText } from '../../../core/survey';
import { translator } from '../../i18n';

// The printable report's words, loaded with its page only.
const STRINGS = {
  report: { ko: '결과 보고서', en: 'Results report' },
  print: { ko: '인쇄 또는 PDF로 저장', en: 'Print or save as PDF' },
  backToResults: { ko: '결과로 돌아가기', en: 'Back to results' },
  method: { ko: '조사 방법', en: 'Method' },
  generated: { ko: '작성 시각', en: 'Generated' },
  version: { ko: '설문 버전', en: 'Survey version' },
  filters: { ko: '적용한 필터', en: 'Filters' },
  noFilters: { ko: '없음 (전체 응답)', en: 'None (all responses)' },
  fieldwork: { ko: '응답 기간 (제출 시각)', en: 'Fieldwork (submission times)' },
  fieldworkWithheld: { ko: '응답이 5명 미만이라 표시하지 않음', en: 'withheld: fewer than 5 responses' },
  total: { ko: '전체 응답 수', en: 'Responses' },
  byChannel: { ko: '경로별 응답 수', en: 'Responses by channel' },
  byWave: { ko: '차수별 응답 수', en: 'Responses by wave' },
  byGroup: { ko: '이해관계자 그룹별 응답 수', en: 'Responses by stakeholder group' },
  channel: { ko: '경로', en: 'Channel' },
  wave: { ko: '차수', en: 'Wave' },
  group: { ko: '그룹', en: 'Group' },
  count: { ko: '응답 수', en: 'Responses' },
  share: { ko: '가중 비율', en: 'Weight share' },
  withholding: { ko: '비공개 규칙', en: 'Withholding rule' },
  withholdingRule: {
    ko: '응답이 {n}명 미만인 집단(그룹·차수·경로)과 질문은 수치를 표시하지 않습니다. 작은 집단을 전체에서 빼서 알아낼 수 없도록, 그 옆의 가장 작은 집단도 함께 가릴 수 있습니다.',
    en: 'Segments (groups, waves, channels) and questions with fewer than {n} responses show no figures; so that a small segment cannot be worked out from the total, the smallest segment beside it may be withheld too.',
  },
  intervals: { ko: '구간 추정 방법', en: 'Interval method' },
  intervalRule: {
    ko: '평균의 95% 신뢰구간은 스튜던트 t 분포로 계산합니다. 리커트·스펙트럼 질문의 평균과 비율은 "잘 모르겠음"을 뺀 응답으로 계산하고, "잘 모르겠음"은 따로 비율로 표시합니다.',
    en: "95% confidence intervals of means use Student's t distribution. Means and shares of Likert and spectrum questions are of those who chose a point; \"don't know\" is shown as its own share.",
  },
  weighting: { ko: '가중치', en: 'Weighting' },
  unweighted: { ko: '가중치를 적용하지 않은 수치입니다.', en: 'Figures are unweighted.' },
  weightingNotApplied: { ko: '가중치가 설정되어 있지만 이 보고서에는 적용하지 않았습니다.', en: 'A weighting is set but not applied in this report.' },
  weightedRule: {
    ko: '이해관계자 그룹별 사후층화 가중치를 적용했습니다. 응답 수는 가중 전 실제 응답 수이고, 유효 표본 크기(Kish)는 {n}입니다.',
    en: 'Figures are post-stratified by stakeholder group. Counts are raw responses; the effective sample size (Kish) is {n}.',
  },
  excluded: { ko: '가중 수치에서 빠진 그룹', en: 'Groups left out of the weighted figures' },
  changes: { ko: '이전 버전과 달라진 질문', en: 'Questions changed since the version before' },
  reworded: { ko: '문구 변경, 추이가 이어지지 않음', en: 'reworded: trends do not continue' },
  added: { ko: '새 질문', en: 'added' },
  removed: { ko: '삭제됨', en: 'removed' },
  noChanges: { ko: '없음', en: 'None' },
  questions: { ko: '질문별 결과', en: 'Results by question' },
  overall: { ko: '전체', en: 'All responses' },
  overallWeighted: { ko: '전체 (가중, 유효 표본 {n})', en: 'All responses (weighted, effective n {n})' },
  groupsSide: { ko: '그룹별 비교', en: 'Groups side by side' },
  groupsSideUnweighted: { ko: '그룹별 비교 (그룹 안에서는 가중치가 바꾸는 것이 없음)', en: 'Groups side by side (weighting changes nothing within a group)' },
  trends: { ko: '차수별 추이', en: 'Trends across waves' },
  opinion: { ko: '의견 지도: 합의와 분열', en: 'Opinion map: consensus and division' },
  opinionWithheld: { ko: '의견 지도를 만들 만큼 응답이 많지 않습니다.', en: 'Too few responses for an opinion map.' },
  loadingReport: { ko: '보고서를 만드는 중…', en: 'Preparing the report…' },
} satisfies Record<string, LocalizedText>;

/** A key of the report's strings. */
export type ReportStringKey = keyof typeof STRINGS;

/** A report string in the current locale. */
export const rt = translator(STRINGS);
