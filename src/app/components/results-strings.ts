import { translator } from '../i18n';

/** Strings of the results page, loaded with it. */
export const rt = translator({
  resultsTitle: { ko: '지금까지의 결과', en: 'Results so far' },
  resultsAge: { ko: '기준 시각', en: 'As of' },
  resultsUnavailable: { ko: '아직 볼 수 있는 결과가 없습니다. 연결되면 다시 확인하세요.', en: 'No results to show yet. Check again when online.' },
  responsesCount: { ko: '응답 수', en: 'Responses' },
  fewerThan5: { ko: '5명 미만', en: 'fewer than 5' },
  mean: { ko: '평균', en: 'Mean' },
  yourAnswer: { ko: '내 응답', en: 'Your answer' },
  interval: { ko: '95% 신뢰구간', en: '95% confidence interval' },
  rankedFirst: { ko: '막대는 각 항목을 1순위로 꼽은 응답자의 비율입니다.', en: 'Each bar is the share of respondents who ranked that option first.' },
  meanAmount: { ko: '막대는 응답자가 각 항목에 나눈 평균 금액입니다.', en: 'Each bar is the average amount respondents gave that option.' },
});
