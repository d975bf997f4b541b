import { translator } from '../../i18n';

/** Strings of the organiser's opinion map, loaded with it. */
export const mt = translator({
  title: { ko: '의견 지도', en: 'Opinion map' },
  help: {
    ko: '점 하나가 응답자 한 명입니다. 가까운 점일수록 비슷하게 답했습니다. 두 축은 응답이 가장 크게 갈리는 두 방향입니다. 색과 모양은 응답에서 찾은 의견 그룹이고, 선은 각 그룹을 둘러싼 영역입니다.',
    en: 'Each dot is one respondent; dots close together answered alike. The two axes are the directions in which answers differ most. Colour and shape show the opinion groups found in the answers; outlines enclose each group.',
  },
  densityHelp: {
    ko: '응답자가 많아 칸마다 응답자 수를 진하기로 보여 줍니다 (가장 많은 의견 그룹의 색). 영역 선은 무작위 표본 {n}명으로 그렸습니다.',
    en: 'With this many respondents each square shows how many sit there by its depth of colour (the colour of the most common opinion group there). Outlines are drawn from a random sample of {n}.',
  },
  mapLabel: { ko: '의견 지도: 응답자 {n}명, 의견 그룹 {k}개', en: 'Opinion map: {n} respondents in {k} opinion groups' },
  tablesBelow: { ko: '자세한 내용은 아래 목록과 표에 있습니다.', en: 'The lists and table below give the details.' },
  group: { ko: '그룹', en: 'Group' },
  unplaced: { ko: '5명 미만 그룹', en: 'Groups of fewer than 5' },
  people: { ko: '{n}명', en: '{n} respondents' },
  groupsTitle: { ko: '각 그룹의 특징', en: 'What sets each group apart' },
  agreesMore: { ko: '다른 응답자보다 더 동의', en: 'Agrees more than others' },
  disagreesMore: { ko: '다른 응답자보다 더 비동의', en: 'Disagrees more than others' },
  versusOthers: { ko: '그 외 응답자', en: 'others' },
  noTraits: { ko: '다른 응답자와 뚜렷이 다른 문항이 없습니다.', en: 'No position sets this group clearly apart.' },
  consensusTitle: { ko: '합의: 모든 집단의 과반이 같은 편인 문항', en: 'Consensus: a majority of every group on the same side' },
  noConsensus: { ko: '모든 집단의 과반이 같은 편인 문항이 없습니다.', en: 'No position has a majority on the same side in every group.' },
  divisiveTitle: { ko: '분열: 집단 평균이 중간의 양쪽으로 갈린 문항', en: 'Division: group means on both sides of the midpoint' },
  noDivisive: { ko: '집단이 갈리는 문항이 없습니다.', en: 'No position splits the groups.' },
  byDeclared: { ko: '집단은 응답자가 밝힌 이해관계자 집단입니다.', en: 'Groups here are the stakeholder groups respondents declared.' },
  byOpinion: { ko: '이 설문에는 이해관계자 질문이 없어 의견 그룹으로 계산했습니다.', en: 'This survey has no stakeholder question, so the opinion groups are used.' },
  agree: { ko: '동의', en: 'Agree' },
  disagree: { ko: '비동의', en: 'Disagree' },
  consensus: { ko: '집단 종합 합의도', en: 'group-informed consensus' },
  spread: { ko: '집단 평균의 차이 {x}점', en: 'Spread of group means {x} points' },
  above: { ko: '중간보다 높음', en: 'above the midpoint' },
  below: { ko: '중간보다 낮음', en: 'below the midpoint' },
  crossTitle: { ko: '밝힌 집단 × 찾은 의견 그룹', en: 'Declared group × opinion group' },
  declared: { ko: '이해관계자 집단', en: 'Stakeholder group' },
  total: { ko: '합계', en: 'Total' },
  noPositions: { ko: '이 설문에는 지도로 그릴 동의 척도(리커트) 문항이 없습니다.', en: 'This survey has no agree–disagree (Likert) positions to map.' },
  refresh: { ko: '새로 고침', en: 'Refresh' },
  savedCopy: { ko: '오프라인: 저장된 지도', en: 'Offline: saved map' },
});

/** "{n} respondents" in the current locale. */
export const people = (n: number) => mt('people').replace('{n}', String(n));
