import { translator } from '../../i18n';

/** The "don't know" answer's words, loaded with the question screens rather than the first screen. */
export const dk = translator({
  dontKnow: { ko: '잘 모르겠음', en: "Don't know" },
  dontKnowChosen: { ko: '‘잘 모르겠음’을 골랐습니다. 막대를 움직이면 점수로 바뀝니다.', en: '“Don’t know” chosen. Moving the slider answers with a point instead.' },
});
