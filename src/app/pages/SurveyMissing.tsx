import { A } from '@solidjs/router';
import { Show, onCleanup } from 'solid-js';
import type { MissingReason } from '../stores/fetch-survey';
import { locale, translator } from '../i18n';

const mt = translator({
  unknownTitle: { ko: '없는 설문입니다', en: 'This survey does not exist' },
  unknownBody: { ko: '서버에 이 주소의 설문이 없습니다. 링크나 QR 코드를 다시 확인하세요.', en: 'The server has no survey at this address. Check the link or the QR code.' },
  unreachableTitle: { ko: '이 기기에 아직 없는 설문입니다', en: 'This survey is not on this device yet' },
  unreachableBody: { ko: '지금은 서버에 연결할 수 없어 설문을 가져오지 못했습니다. 연결되면 자동으로 다시 시도합니다.', en: 'The server cannot be reached right now, so the survey could not be fetched. It is tried again as soon as a connection returns.' },
  retry: { ko: '다시 시도', en: 'Try again' },
  home: { ko: '처음으로', en: 'Home' },
});

/**
 * A survey this device does not hold: "does not exist" only when the server said so,
 * "not on this device yet" when it could not be asked, with a retry (also on `online`).
 */
export function SurveyMissing(props: { id: string; reason: MissingReason; onRetry: () => void }) {
  const retry = () => props.onRetry();
  window.addEventListener('online', retry);
  onCleanup(() => window.removeEventListener('online', retry));
  const unknown = () => props.reason === 'unknown';
  return (
    <div class="card" lang={locale()}>
      <h1>{mt(unknown() ? 'unknownTitle' : 'unreachableTitle')}</h1>
      <p>{mt(unknown() ? 'unknownBody' : 'unreachableBody')}</p>
      <p><code class="path">{props.id}</code></p>
      <div class="nav-buttons">
        <A class="button secondary" href="/">{mt('home')}</A>
        <Show when={!unknown()}>
          <button type="button" class="primary" onClick={retry}>{mt('retry')}</button>
        </Show>
      </div>
    </div>
  );
}
