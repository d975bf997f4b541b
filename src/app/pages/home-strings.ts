import { translator } from '../i18n';

/** Strings of the home page, loaded with it. */
export const ht = translator({
  surveysHere: { ko: '이 기기의 설문', en: 'Surveys on this device' },
  context: { ko: '알아 두면 좋은 사실', en: 'Background facts' },
  source: { ko: '출처', en: 'Source' },
});
