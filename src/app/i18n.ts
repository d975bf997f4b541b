import { createSignal } from 'solid-js';
import type { LocalizedText } from '../core/survey';
import type { Locale } from '../core/vocabulary';

const STORAGE_KEY = 'stance.locale';

const STRINGS = {
  appName: { ko: 'Stance', en: 'Stance' },
  language: { ko: '언어', en: 'Language' },
  surveysHere: { ko: '이 기기의 설문', en: 'Surveys on this device' },
  startSurvey: { ko: '설문 시작', en: 'Open survey' },
  context: { ko: '알아 두면 좋은 사실', en: 'Background facts' },
  source: { ko: '출처', en: 'Source' },
  noticeTitle: { ko: '시작하기 전에', en: 'Before you start' },
  start: { ko: '시작하기', en: 'Start' },
  back: { ko: '이전', en: 'Back' },
  next: { ko: '다음', en: 'Next' },
  review: { ko: '검토', en: 'Review' },
  reviewTitle: { ko: '제출 전에 확인하세요', en: 'Check your answers' },
  edit: { ko: '수정', en: 'Edit' },
  submit: { ko: '제출하기', en: 'Submit' },
  submitting: { ko: '저장 중…', en: 'Saving…' },
  notAnswered: { ko: '응답 안 함', en: 'Not answered' },
  required: { ko: '필수', en: 'Required' },
  optional: { ko: '선택', en: 'Optional' },
  step: { ko: '단계', en: 'Step' },
  of: { ko: '/', en: 'of' },
  fixErrors: { ko: '표시된 질문을 확인해 주세요.', en: 'Please check the questions marked below.' },
  thanksTitle: { ko: '감사합니다', en: 'Thank you' },
  savedOnDevice: { ko: '응답이 이 기기에 저장되었습니다. 연결되면 자동으로 전송됩니다.', en: 'Your response is saved on this device. It is sent automatically when a connection is available.' },
  answerAgain: { ko: '처음 화면으로', en: 'Back to start' },
  nextRespondent: { ko: '다음 응답자', en: 'Next respondent' },
  remaining: { ko: '남은 금액', en: 'Remaining' },
  total: { ko: '합계', en: 'Total' },
  decrease: { ko: '줄이기', en: 'Decrease' },
  increase: { ko: '늘리기', en: 'Increase' },
  rankingHint: { ko: '순서대로 누르세요. 다시 누르면 빠집니다.', en: 'Tap in order of priority. Tap again to remove.' },
  clearRanking: { ko: '순위 지우기', en: 'Clear ranking' },
  pickUpTo: { ko: '최대 선택 수', en: 'Pick at most' },
  charactersLeft: { ko: '남은 글자 수', en: 'Characters left' },
  sliderUnset: { ko: '아직 선택하지 않았습니다. 막대를 움직여 선택하세요.', en: 'Not chosen yet. Move the slider to choose.' },
  sliderValue: { ko: '선택한 값', en: 'Selected' },
  fieldMode: { ko: '현장 조사 모드', en: 'Field mode' },
  fieldModeOn: { ko: '현장 조사 모드 켜기', en: 'Turn on field mode' },
  fieldModeOff: { ko: '현장 조사 모드 끄기', en: 'Turn off field mode' },
  fieldModeIsOn: { ko: '현장 조사 모드가 켜져 있습니다. 제출할 때마다 다음 응답자를 위한 빈 설문이 열립니다.', en: 'Field mode is on. After each submission a blank survey opens for the next respondent.' },
  collector: { ko: '조사원 이름', en: 'Collector name' },
  collectorHelp: { ko: '한 번만 입력하면 이 기기의 모든 응답에 기록됩니다. 개인정보이므로 필요할 때만 입력하세요.', en: 'Entered once and recorded with every response on this device. It is personal data: enter it only when needed.' },
  save: { ko: '저장', en: 'Save' },
  onDevice: { ko: '이 기기의 응답', en: 'Responses on this device' },
  waiting: { ko: '전송 대기', en: 'Waiting to send' },
  sent: { ko: '전송 완료', en: 'Sent' },
  rejectedCount: { ko: '거부됨', en: 'Rejected' },
  storage: { ko: '저장 공간', en: 'Storage' },
  persistent: { ko: '영구 저장이 허용되었습니다.', en: 'Persistent storage is granted.' },
  notPersistent: { ko: '이 브라우저는 저장된 응답을 지울 수 있습니다. 특히 Safari는 홈 화면에 추가하지 않은 사이트의 데이터를 7일 동안 방문하지 않으면 삭제합니다. 공유 메뉴에서 "홈 화면에 추가"를 눌러 앱으로 설치하세요.', en: 'This browser may delete the saved responses. Safari in particular deletes the data of a site not added to the Home Screen after seven days without a visit. Install the app: Share, then "Add to Home Screen" (or the browser menu, "Install app").' },
  errorTitle: { ko: '설문을 열 수 없습니다', en: 'This survey cannot be opened' },
  notFound: { ko: '이 기기에 없는 설문입니다.', en: 'This survey is not on this device.' },
  home: { ko: '처음으로', en: 'Home' },
  olderDraftTitle: { ko: '이전 버전에서 작성하던 응답이 있습니다', en: 'You have a response started on an older version' },
  olderDraftBody: { ko: '설문이 바뀌었습니다. 아직 있는 질문의 응답만 가지고 계속하거나, 버리고 새로 시작할 수 있습니다.', en: 'The survey has changed. Continue with the answers to questions that still exist, or discard them and start again.' },
  continueDraft: { ko: '이어서 하기', en: 'Continue' },
  discardDraft: { ko: '버리고 새로 시작', en: 'Discard and start again' },
  updateReady: { ko: '새 버전이 있습니다.', en: 'A new version is available.' },
  updateNow: { ko: '업데이트', en: 'Update' },
  later: { ko: '나중에', en: 'Later' },
  quotaExceeded: { ko: '기기의 저장 공간이 가득 차서 저장하지 못했습니다. 응답은 화면에 그대로 있습니다. 공간을 확보한 뒤 다시 제출하세요.', en: 'The device is out of storage, so the response was not saved. Your answers are still here: free some space and submit again.' },
  storageFailed: { ko: '기기에 저장하지 못했습니다. 응답은 화면에 그대로 있습니다. 다시 시도해 주세요.', en: 'The response could not be saved on this device. Your answers are still here: please try again.' },
  loading: { ko: '불러오는 중…', en: 'Loading…' },
  statusWaiting: { ko: '개 응답이 전송을 기다립니다', en: 'responses waiting to send' },
  statusAllSent: { ko: '모든 응답이 전송되었습니다', en: 'All responses sent' },
} satisfies Record<string, LocalizedText>;

export type StringKey = keyof typeof STRINGS;

/** The locale a first visit gets: Korean for Korean browsers, else English. */
export function preferredLocale(languages: readonly string[]): Locale {
  return languages.some((l) => l.toLowerCase().startsWith('ko')) ? 'ko' : 'en';
}

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'ko' || saved === 'en' ? saved : preferredLocale(navigator.languages ?? [navigator.language]);
}

const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());

/** The current UI locale. */
export { locale };

/** Switches the UI language, remembers it, and keeps `<html lang>` true for screen readers. */
export function setLocale(next: Locale): void {
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  setLocaleSignal(next);
}

/** A UI string in the current locale. */
export function t(key: StringKey): string {
  return STRINGS[key][locale()];
}

/** A survey text in the current locale. */
export function tx(text: LocalizedText): string {
  return text[locale()];
}
