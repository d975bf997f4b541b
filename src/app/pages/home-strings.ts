import { translator } from '../i18n';

/** Strings of the home page, loaded with it. */
export const ht = translator({
  title: { ko: '설문에 참여하기', en: 'Take part in a survey' },
  surveys: { ko: '지금 응답할 수 있는 설문', en: 'Surveys you can answer now' },
  context: { ko: '알아 두면 좋은 사실', en: 'Background facts' },
  source: { ko: '출처', en: 'Source' },
});
