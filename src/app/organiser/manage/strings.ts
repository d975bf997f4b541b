import { translator } from '../../i18n';

/** Strings of the manage page's wave forms, in the app's language (never the browser's built-in messages). */
export const mg = translator({
  labelKo: { ko: '이름 (한국어)', en: 'Label in Korean' },
  labelEn: { ko: '이름 (영어)', en: 'Label in English' },
  labelMissing: { ko: '이름을 입력하세요. 응답자와 프로젝터는 선택한 언어의 이름을 보여 줍니다.', en: 'Enter a label. Respondents and the projector show the one in their language.' },
  slugHelp: { ko: '참여 링크에 들어갑니다. 영문 소문자, 숫자, 하이픈(-)으로 64자까지. 예: day-1-am', en: 'Goes in the join link: lower-case letters, digits and hyphens, up to 64. For example day-1-am.' },
  slugInvalid: { ko: '영문 소문자, 숫자, 하이픈(-)만 쓸 수 있습니다 (1~64자).', en: 'Use only lower-case letters, digits and hyphens (1 to 64 of them).' },
  startDate: { ko: '시작 날짜', en: 'Start date' },
  startTime: { ko: '시작 시각 (24시간)', en: 'Start time (24-hour)' },
  dateInvalid: { ko: '날짜를 2025-06-02처럼 연-월-일로 입력하세요.', en: 'Enter the date as year-month-day, like 2025-06-02.' },
  timeInvalid: { ko: '시각을 09:30처럼 시:분으로 입력하세요.', en: 'Enter the time as hours:minutes, like 09:30.' },
  startsWhen: { ko: '시작', en: 'Starts' },
  localTime: { ko: '이 기기의 시간대', en: "this device's time zone" },
  channelHelp: { ko: '참여 링크와 코드로 들어온 응답의 경로입니다.', en: 'The channel of responses that come in through the join link and code.' },
  testLabel: { ko: '테스트 웨이브 (리허설)', en: 'Test wave (a rehearsal)' },
  testHelp: { ko: '테스트 웨이브의 응답만 한꺼번에 지울 수 있습니다.', en: 'Only a test wave’s responses can be deleted all at once.' },
  fixForm: { ko: '표시된 칸을 고쳐 주세요.', en: 'Please fix the fields marked below.' },
  deleteWave: { ko: '이 웨이브의 응답 삭제', en: 'Delete this wave’s responses' },
  deleteTitle: { ko: '테스트 웨이브의 응답 삭제', en: 'Delete a test wave’s responses' },
  deleteWarning: { ko: '이 웨이브의 응답이 의견과 함께 모두 삭제되며 되돌릴 수 없습니다. 삭제할 응답 수:', en: 'Every response of this wave is deleted with its comments, for good. Responses to delete:' },
  typeSlug: { ko: '확인을 위해 이 웨이브의 링크용 이름을 입력하세요', en: 'To confirm, type this wave’s slug' },
  slugMismatch: { ko: '입력한 이름이 웨이브의 링크용 이름과 다릅니다.', en: 'That is not this wave’s slug.' },
  deleteNow: { ko: '응답 삭제', en: 'Delete the responses' },
  deletedCount: { ko: '삭제한 응답 수', en: 'Responses deleted' },
});
