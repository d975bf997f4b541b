import { A, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { Match, Switch, createEffect, createResource, onCleanup } from 'solid-js';
import { cachedRead } from '../../client/cached-read';
import { isAppError } from '../../core/errors';
import { normaliseJoinCode } from '../../core/vocabulary';
import { JoinAnswerSchema, type JoinAnswer } from '../../core/waves';
import { JoinForm } from '../components/JoinForm';
import { locale, translator, tx } from '../i18n';
import { formatDateTime } from '../numbers';
import { fill } from '../particles';
import { getClient } from '../stores/client';
import { keepVisit } from '../stores/visit';
import { variant } from '../variant';

const jt = translator({
  checking: { ko: '참여 코드를 확인하는 중…', en: 'Checking the join code…' },
  notACodeTitle: { ko: '참여 코드가 아닙니다', en: 'That is not a join code' },
  unknownTitle: { ko: '없는 참여 코드입니다', en: 'No session has this code' },
  unknownBody: { ko: '코드 {code:을} 쓰는 세션이 없습니다. 화면의 코드를 다시 확인하세요.', en: 'No session uses the code {code}. Check the code on the screen.' },
  offlineTitle: { ko: '지금은 코드를 확인할 수 없습니다', en: 'The code cannot be checked right now' },
  offlineBody: { ko: '서버에 연결할 수 없습니다. 연결되면 코드 {code:을} 자동으로 다시 확인하고 설문을 엽니다.', en: 'The server cannot be reached. The code {code} is checked again, and the survey opened, as soon as a connection returns.' },
  retry: { ko: '다시 확인', en: 'Check again' },
  closedTitle: { ko: '마감된 세션입니다', en: 'This session has closed' },
  closedBody: { ko: '{label:은} {when}에 마감되어 지금 응답해도 집계되지 않습니다.', en: '{label} closed on {when}; answers given now would not be counted.' },
  results: { ko: '결과 보기', en: 'See the results' },
});

/** How often a code that could not be checked is checked again. */
const RETRY_MS = 5000;

/** What a code turned out to be. */
type Outcome = { open: JoinAnswer } | { closed: JoinAnswer } | { unknown: string } | { unreachable: string } | { malformed: string };

async function look(raw: string): Promise<Outcome> {
  const code = normaliseJoinCode(raw);
  if (!code) return { malformed: raw };
  try {
    // Kept on the device, so a code looked up once still opens its wave offline.
    const read = await cachedRead(`join:${code}`, `/api/v1/join/${code}`, JoinAnswerSchema, { client: await getClient() });
    return read.value.closed ? { closed: read.value } : { open: read.value };
  } catch (error) {
    return isAppError(error, 'not_found') ? { unknown: code } : { unreachable: code };
  }
}

/** Keeps the joined wave for the visit and opens its survey, replacing /j/CODE in the history. */
function openWave(answer: JoinAnswer, navigate: (to: string, options: { replace: boolean }) => void): void {
  const join = { code: answer.code, wave: answer.wave, label: answer.label, oneResponsePerDevice: answer.oneResponsePerDevice ?? false };
  keepVisit({ wave: answer.wave, channel: answer.channel, join });
  navigate(`/s/${encodeURIComponent(answer.surveyId)}`, { replace: true });
}

/**
 * Checks again on `online` and every few seconds while the server cannot be reached: venue
 * Wi-Fi can be "online" with the server out of reach, so the event alone is not enough.
 */
function retryWhileUnreachable(unreachable: () => boolean, retry: () => void): void {
  window.addEventListener('online', retry);
  const timer = setInterval(() => unreachable() && retry(), RETRY_MS);
  onCleanup(() => {
    window.removeEventListener('online', retry);
    clearInterval(timer);
  });
}

/**
 * `/j/CODE` (any case), from the projector's QR code or typed: opens the code's survey in
 * its wave and channel. An unknown or malformed code says so; when the server cannot be
 * asked (a phone that scanned the code offline), it says that instead and tries again
 * when the connection returns.
 */
export function JoinPage(props: RouteSectionProps) {
  const navigate = useNavigate();
  const [outcome, { refetch }] = createResource(() => props.params.code ?? '', look);
  const retry = () => void refetch();
  retryWhileUnreachable(() => !outcome.loading && !!variant(outcome.latest, 'unreachable'), retry);
  createEffect(() => {
    const open = variant(outcome(), 'open');
    if (open) openWave(open.open, navigate);
  });
  const get = <K extends string>(key: K) => variant(outcome.latest, key);
  return (
    <div class="card" lang={locale()}>
      <Switch fallback={<h1 class="loading">{jt('checking')}</h1>}>
        <Match when={get('malformed')}>
          <h1>{jt('notACodeTitle')}</h1>
          <JoinForm initial={props.params.code} />
        </Match>
        <Match when={get('unknown')}>
          {(u) => (
            <>
              <h1>{jt('unknownTitle')}</h1>
              <p>{fill(jt('unknownBody'), { code: u().unknown })}</p>
              <JoinForm />
            </>
          )}
        </Match>
        <Match when={get('unreachable')}>
          {(u) => (
            <>
              <h1>{jt('offlineTitle')}</h1>
              <p>{fill(jt('offlineBody'), { code: u().unreachable })}</p>
              <button type="button" class="primary" disabled={outcome.loading} onClick={retry}>{jt('retry')}</button>
            </>
          )}
        </Match>
        <Match when={get('closed')}>
          {(c) => <Closed answer={c().closed} />}
        </Match>
      </Switch>
    </div>
  );
}

function Closed(props: { answer: JoinAnswer }) {
  const when = () => formatDateTime(props.answer.closesAt ?? props.answer.startsAt, locale());
  return (
    <>
      <h1>{jt('closedTitle')}</h1>
      <p>{fill(jt('closedBody'), { label: tx(props.answer.label), when: when() })}</p>
      <A class="button secondary" href={`/r/${encodeURIComponent(props.answer.surveyId)}`}>{jt('results')}</A>
    </>
  );
}
