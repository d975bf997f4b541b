import { translator } from '../i18n';

/** Strings of the thank-you screen's opinion group, loaded with it. */
export const ct = translator({
  title: { ko: '나와 가까운 의견 그룹', en: 'Your opinion group' },
  closest: {
    ko: '내 응답은 의견 그룹 {g:과} 가장 가깝습니다. 응답자의 {p:가} 이 그룹에 속합니다.',
    en: 'Your answers sit closest to opinion group {g} ({p} of respondents).',
  },
  agreeMore: { ko: '이 그룹은 다른 응답자보다 다음 문항에 더 동의합니다:', en: 'People in this group agree more than others that:' },
  disagreeMore: { ko: '다음 문항에는 다른 응답자보다 더 동의하지 않습니다:', en: 'They disagree more than others that:' },
  how: {
    ko: '의견 그룹은 모든 응답을 비슷한 것끼리 묶어 찾은 것으로, 응답자가 밝힌 소속과는 다릅니다.',
    en: 'Opinion groups are found by grouping similar answers from everyone; they are not the groups people said they belong to.',
  },
});
