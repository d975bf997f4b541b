import { translator } from '../i18n';

/** Strings of the weighting form, the weighted toggle and the labels on weighted figures. */
export const wt = translator({
  weightingTitle: { ko: '가중치 (모집단 비율)', en: 'Weighting (population shares)' },
  weightingHelp: {
    ko: '이해관계자 집단별 모집단 비율을 %로 입력하세요. 합계는 100%여야 합니다. 비워 둔 집단의 응답은 가중 결과에서 빠집니다.',
    en: 'Enter each stakeholder group’s share of the population in %. The shares must sum to 100%. Responses of a group left empty are left out of weighted figures.',
  },
  noSegment: { ko: '이 설문에는 이해관계자 집단 질문(segmentBy)이 없어 가중치를 둘 수 없습니다.', en: 'This survey has no stakeholder-group question (segmentBy), so it cannot be weighted.' },
  sharePercent: { ko: '{group} 비율 (%)', en: 'Share of {group} (%)' },
  sum: { ko: '합계', en: 'Sum' },
  sumOff: { ko: '합계가 {sum}%입니다. 100%가 되도록 고쳐 주세요.', en: 'The shares sum to {sum}%. Make them sum to 100%.' },
  notPercent: { ko: '0에서 100 사이의 숫자를 입력하세요.', en: 'Enter a number from 0 to 100.' },
  noneEntered: { ko: '적어도 한 집단의 비율을 입력하세요.', en: 'Enter the share of at least one group.' },
  saveWeighting: { ko: '가중치 저장', en: 'Save the weighting' },
  saved: { ko: '가중치를 저장했습니다.', en: 'The weighting is saved.' },
  removeWeighting: { ko: '가중치 삭제', en: 'Remove the weighting' },
  confirmRemove: { ko: '정말 가중치를 삭제', en: 'Really remove the weighting' },
  removed: { ko: '가중치를 삭제했습니다. 결과는 가중하지 않은 값만 보입니다.', en: 'The weighting is removed. Results show unweighted figures only.' },
  current: { ko: '현재 가중치', en: 'Current weighting' },
  none: { ko: '가중치 없음', en: 'No weighting' },
  figures: { ko: '수치', en: 'Figures' },
  unweighted: { ko: '가중 전', en: 'Unweighted' },
  weighted: { ko: '가중', en: 'Weighted' },
  weightedBanner: { ko: '가중 결과입니다 (집단별 모집단 비율로 사후 층화). 응답 수 n = {n}, 유효 표본 수 n = {effective}.', en: 'Weighted figures (post-stratified to the groups’ population shares). n = {n}, effective n = {effective}.' },
  excluded: { ko: '가중 결과에서 빠진 집단: {groups}', en: 'Groups left out of the weighted figures: {groups}' },
  groupsUnweighted: { ko: '집단별 비교는 가중하지 않습니다. 가중치는 집단 안의 수치를 바꾸지 않습니다.', en: 'Groups side by side are unweighted: weighting by group changes nothing within a group.' },
  weightedLabel: { ko: '가중 · n = {n} · 유효 n = {effective}', en: 'Weighted · n = {n} · effective n = {effective}' },
  setWeighting: { ko: '가중치 설정', en: 'Set the weighting' },
});
