import { createSignal } from 'solid-js';
import type { LocalizedText } from '../core/survey';
import type { Locale } from '../core/vocabulary';

const STORAGE_KEY = 'stance.locale';

const STRINGS = {
  language: { ko: '언어', en: 'Language' },
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
  optional: { ko: '선택', en: 'Optional' },
  requiredNote: { ko: '‘선택’ 표시가 없는 질문에는 모두 답해 주세요.', en: 'Please answer every question not marked Optional.' },
  step: { ko: '단계', en: 'Step' },
  of: { ko: '/', en: 'of' },
  fixErrors: { ko: '표시된 질문을 확인해 주세요.', en: 'Please check the questions marked below.' },
  thanksTitle: { ko: '감사합니다', en: 'Thank you' },
  savedOnDevice: { ko: '응답이 이 기기에 저장되었습니다. 연결되면 자동으로 전송됩니다.', en: 'Your response is saved on this device. It is sent automatically when a connection is available.' },
  backToStart: { ko: '처음 화면으로', en: 'Back to start' },
  answerAgain: { ko: '다시 응답하기', en: 'Answer again' },
  allocated: { ko: '나눈 금액', en: 'Allocated' },
  remaining: { ko: '남은 금액', en: 'Left' },
  allocationOver: { ko: '{over} 초과: 합계가 {total:이} 되도록 줄여 주세요.', en: '{over} over: bring the total down to {total}.' },
  allocationStep: { ko: '{step} 단위로 입력하세요.', en: 'In steps of {step}.' },
  decrease: { ko: '줄이기', en: 'Decrease' },
  increase: { ko: '늘리기', en: 'Increase' },
  rankingHint: { ko: '순서대로 누르세요. 다시 누르면 빠집니다.', en: 'Tap in order of priority. Tap again to remove.' },
  clearRanking: { ko: '순위 지우기', en: 'Clear ranking' },
  pickUpTo: { ko: '최대 선택 수', en: 'Pick at most' },
  charactersLeft: { ko: '남은 글자 수', en: 'Characters left' },
  sliderUnset: { ko: '아직 선택하지 않았습니다. 막대를 움직여 선택하세요.', en: 'Not chosen yet. Move the slider to choose.' },
  sliderNotYet: { ko: '아직 고르지 않음 · 선을 눌러 고르세요', en: 'Not answered yet · tap the line to choose' },
  errorTitle: { ko: '설문을 열 수 없습니다', en: 'This survey cannot be opened' },
  home: { ko: '처음으로', en: 'Home' },
  pageNotFound: { ko: '페이지를 찾을 수 없습니다', en: 'Page not found' },
  pageNotFoundBody: { ko: 'Stance에는 이 주소의 화면이 없습니다. 주소를 확인하거나 처음 화면에서 설문을 고르세요.', en: 'Stance has no screen at this address. Check the address, or choose a survey from the start page.' },
  olderDraftTitle: { ko: '이전 버전에서 작성하던 응답이 있습니다', en: 'You have a response started on an older version' },
  olderDraftBody: { ko: '설문이 바뀌었습니다. 아직 있고 문구가 같은 질문의 응답만 가지고 계속하거나, 버리고 새로 시작할 수 있습니다.', en: 'The survey has changed. Continue with the answers to questions still asked in the same words, or discard them and start again.' },
  continueDraft: { ko: '이어서 하기', en: 'Continue' },
  discardDraft: { ko: '버리고 새로 시작', en: 'Discard and start again' },
  updateReady: { ko: '새 버전이 있습니다.', en: 'A new version is available.' },
  updateNow: { ko: '업데이트', en: 'Update' },
  later: { ko: '나중에', en: 'Later' },
  quotaExceeded: { ko: '기기의 저장 공간이 가득 차서 저장하지 못했습니다. 응답은 화면에 그대로 있습니다. 공간을 확보한 뒤 다시 제출하세요.', en: 'The device is out of storage, so the response was not saved. Your answers are still here: free some space and submit again.' },
  storageFailed: { ko: '기기에 저장하지 못했습니다. 응답은 화면에 그대로 있습니다. 다시 시도해 주세요.', en: 'The response could not be saved on this device. Your answers are still here: please try again.' },
  loading: { ko: '불러오는 중…', en: 'Loading…' },
  statusSending: { ko: '전송 중', en: 'Sending' },
  statusRetrying: { ko: '연결되면 보냅니다', en: 'sends when online' },
  statusAllSent: { ko: '모든 응답 전송됨', en: 'All responses sent' },
  startSurvey: { ko: '설문 시작', en: 'Open survey' },
  fieldMode: { ko: '현장 조사 모드', en: 'Field mode' },
  joinCode: { ko: '참여 코드', en: 'Join code' },
  joinCodeHint: { ko: '화면에 보이는 6자리 코드를 입력하세요.', en: 'Type the six characters shown on the screen.' },
  joinCodeInvalid: { ko: '참여 코드는 6자리입니다. 숫자 0·1과 글자 I·L·O는 쓰지 않습니다.', en: 'A join code has six characters, and never uses 0, 1, I, L or O.' },
  join: { ko: '참여', en: 'Join' },
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

/** A lookup for a lazily loaded page's own strings, so they stay out of the first load. */
export function translator<K extends string>(strings: Record<K, LocalizedText>): (key: K) => string {
  return (key) => strings[key][locale()];
}

/** A survey text in the current locale. */
export function tx(text: LocalizedText): string {
  return text[locale()];
}
