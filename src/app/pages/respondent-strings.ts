import { translator } from '../i18n';

/** Strings of the screens around the questions (notice extras, thank-you), loaded with them. */
export const rs = translator({
  fieldBar: { ko: '현장 조사 · 조사원 {name}', en: 'Field mode · collector {name}' },
  joined: { ko: '참여 세션: {label} (코드 {code})', en: 'Session: {label} (code {code})' },
  waveChanged: { ko: '링크의 세션 이름 {given:을} {wave:으로} 바꾸어 기록합니다.', en: 'The link’s session name {given} is recorded as {wave}.' },
  waveUnusable: { ko: '링크의 세션 이름 {given:은} 쓸 수 없어 {wave:으로} 기록합니다.', en: 'The link’s session name {given} cannot be used, so this response is recorded under {wave}.' },
  channelUnknown: { ko: '링크의 채널 {given:은} 알 수 없는 값이라 {channel:으로} 기록합니다.', en: 'The link’s channel {given} is not one Stance knows, so this response is recorded as {channel}.' },
  fieldNeedsMode: { ko: '현장 조사용 링크이지만 이 기기는 현장 조사 모드가 아니어서 웹 응답으로 기록합니다.', en: 'This is a field-research link, but this device is not in field mode, so the response counts as a web response.' },
  alreadyTitle: { ko: '이 기기에서 이미 응답했습니다', en: 'This device has already answered' },
  alreadyWhen: { ko: '제출: {when} · {state}', en: 'Submitted {when} · {state}' },
  stateWaiting: { ko: '아직 전송 대기 중', en: 'still waiting to be sent' },
  stateSent: { ko: '서버에 전송됨', en: 'received by the server' },
  responseId: { ko: '응답 번호', en: 'Response id' },
  deletionHelp: { ko: '이 응답의 삭제를 요청하려면 설문 주최 측에 이 번호를 알려 주세요.', en: 'To have this response deleted, give this id to the organisers.' },
  locked: { ko: '이 세션에서는 기기당 한 번만 응답할 수 있어 다시 응답할 수 없습니다.', en: 'In this session each device answers once, so this device cannot answer again.' },
  again: { ko: '다른 사람이 이 기기로 응답한다면 ‘다시 응답하기’를 누르세요.', en: 'If someone else is answering on this device, choose Answer again.' },
  sent: { ko: '응답이 서버에 전송되었습니다.', en: 'Your response has reached the server.' },
  sending: { ko: '응답이 이 기기에 저장되었고 지금 전송 중입니다.', en: 'Your response is saved on this device and being sent now.' },
  waiting: { ko: '응답이 이 기기에 저장되었습니다. 연결되면 자동으로 전송됩니다.', en: 'Your response is saved on this device. It is sent automatically when a connection is available.' },
  refused: { ko: '서버가 이 응답을 받지 않았습니다: {reason}', en: 'The server did not accept this response: {reason}' },
  refusedClosed: { ko: '이 세션은 응답을 제출하기 전에 마감되었습니다.', en: 'this session closed before it was submitted.' },
  refusedDevice: { ko: '이 세션은 기기당 한 번만 응답을 받으며, 이 기기의 응답을 이미 받았습니다.', en: 'this session takes one response per device, and already has this device’s.' },
  refusedOther: { ko: '응답을 다시 확인해야 합니다. 주최 측에 응답 번호를 알려 주세요.', en: 'it needs checking; give the organisers the response id.' },
});
