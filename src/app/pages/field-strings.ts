import { translator } from '../i18n';

/** Strings of the field page, loaded with it. */
export const ft = translator({
  fieldModeIsOn: { ko: '현장 조사 모드가 켜져 있습니다. 제출할 때마다 다음 응답자를 위한 빈 설문이 열립니다.', en: 'Field mode is on. After each submission a blank survey opens for the next respondent.' },
  fieldModeOff: { ko: '현장 조사 모드 끄기', en: 'Turn off field mode' },
  fieldModeOn: { ko: '현장 조사 모드 켜기', en: 'Turn on field mode' },
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
  syncNow: { ko: '지금 전송', en: 'Send now' },
  backup: { ko: '백업 파일 저장', en: 'Save a backup file' },
  backupAll: { ko: '전송된 응답도 포함', en: 'Include responses already sent' },
  backupHelp: { ko: '연결이 없을 때 이 파일을 주최 측에 전달하면 응답을 가져올 수 있습니다. 같은 파일을 여러 번 가져와도 중복되지 않습니다.', en: 'When no connection will come, hand this file to the organisers to import. Importing it more than once adds nothing twice.' },
  rejectedTitle: { ko: '서버가 거부한 응답', en: 'Responses the server refused' },
  requeue: { ko: '다시 보내기', en: 'Queue again' },
  lastSynced: { ko: '마지막 전송', en: 'Last sent' },
});
