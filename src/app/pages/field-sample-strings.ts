import { translator } from '../i18n';

/** Strings of the field page's own-sample consensus figures, loaded with them. */
export const st = translator({
  title: { ko: '이 기기의 표본: 합의와 분열', en: "This device's sample: consensus and division" },
  help: {
    ko: '이 기기에 있는 응답만으로, 연결 없이 계산합니다. 5명 미만인 집단의 수치는 표시하지 않습니다.',
    en: 'Worked out on this device from the responses it holds, no connection needed. Groups of fewer than 5 show no figures.',
  },
  methodTitle: { ko: '계산 방법', en: 'How this is worked out' },
  method: {
    ko: '표의 비율은 각 집단에서 중간보다 높은 점수(동의) 또는 낮은 점수(비동의)를 고른 응답자의 비율 그대로입니다. 합의도와 ‘같은 편’ 판단에는 작은 집단이 0%나 100%로 치우치지 않도록 보정한 비율 (동의 수 + 1) / (응답 수 + 2)를 씁니다(Pol.is와 같은 방식). 합의도는 모든 집단의 보정 비율을 곱한 값입니다.',
    en: 'The table gives plain shares: in each group, the share who answered above the midpoint (agree) or below it (disagree). Consensus and "same side" use smoothed shares, (agree + 1) / (n + 2), so that a small group never reads as 0% or 100% (as Pol.is does); the consensus figure multiplies every group’s smoothed share.',
  },
  survey: { ko: '설문', en: 'Survey' },
  responses: { ko: '이 기기에 있는 버전 {v}의 응답', en: 'Responses to version {v} on this device' },
  otherVersions: { ko: '다른 버전의 응답 {n}개는 포함하지 않았습니다.', en: '{n} responses to other versions are not included.' },
  withheld: { ko: '응답이 5개 미만이라 수치를 표시하지 않습니다.', en: 'Fewer than 5 responses: figures are withheld.' },
  consensusTitle: { ko: '모든 집단이 같은 편인 문항', en: 'Where every group stands on the same side' },
  noConsensus: { ko: '모든 집단의 과반이 같은 편인 문항이 없습니다.', en: 'No position has a majority on the same side in every group.' },
  divisiveTitle: { ko: '집단이 갈리는 문항', en: 'Where the groups split' },
  noDivisive: { ko: '집단이 갈리는 문항이 없습니다.', en: 'No position splits the groups.' },
  positionsTitle: { ko: '문항별 수치', en: 'Figures per position' },
  agree: { ko: '동의', en: 'Agree' },
  disagree: { ko: '비동의', en: 'Disagree' },
  consensus: { ko: '집단 종합 합의도', en: 'group-informed consensus' },
  spread: { ko: '집단 평균의 차이 {x}점', en: 'Spread of group means {x} points' },
  above: { ko: '중간보다 높음', en: 'above the midpoint' },
  below: { ko: '중간보다 낮음', en: 'below the midpoint' },
  everyone: { ko: '전체', en: 'Everyone' },
  group: { ko: '집단', en: 'Group' },
  opinionGroup: { ko: '의견 그룹', en: 'Opinion group' },
  fewerThan5: { ko: '5명 미만', en: 'Fewer than 5' },
});
