import { A } from '@solidjs/router';
import { Show, createResource, lazy } from 'solid-js';
import type { Client, RejectedRecord } from '../../client';
import type { Response } from '../../core/response';
import type { Survey } from '../../core/survey';
import { locale, t } from '../i18n';
import { fill } from '../particles';
import { syncStatus } from '../stores/sync';
import { ResponseId } from './NoticeExtras';
import { rs } from './respondent-strings';

const ResultsSummary = lazy(() => import('../components/ResultsSummary').then((m) => ({ default: m.ResultsSummary })));
const ClosestGroup = lazy(() => import('../components/ClosestGroup').then((m) => ({ default: m.ClosestGroup })));

/** Why the server refused a response, in the respondent's words. */
function refusal(record: RejectedRecord | undefined): string {
  const code = record?.error.code;
  return fill(rs('refused'), { reason: rs(code === 'closed' ? 'refusedClosed' : code === 'duplicate_device' ? 'refusedDevice' : 'refusedOther') });
}

/**
 * Where the response is now, read again whenever the sync status moves: saved here and
 * waiting, being sent, on the server, or refused (and why).
 */
function Delivery(props: { client: Client; id: string }) {
  const [state] = createResource(
    () => ({ ...syncStatus(), id: props.id }),
    async ({ id }) => {
      const where = await props.client.responseState(id);
      const record = where === 'rejected' ? (await props.client.listRejected()).find((r) => r.response.id === id) : undefined;
      return { where, record };
    },
  );
  const text = () => {
    const s = state.latest;
    if (s?.where === 'sent') return rs('sent');
    if (s?.where === 'rejected') return refusal(s.record);
    return rs(syncStatus().syncing ? 'sending' : 'waiting');
  };
  return <p role="status" classList={{ warning: state.latest?.where === 'rejected' }}>{text()}</p>;
}

/** Shown only after the submit transaction committed: the response is on this device. */
export function ThankYou(props: { survey: Survey; response: Response; client: Client }) {
  let heading!: HTMLHeadingElement;
  queueMicrotask(() => heading?.focus());
  return (
    <article class="card thanks" lang={locale()}>
      <h1 tabIndex={-1} ref={heading}>{t('thanksTitle')}</h1>
      <Delivery client={props.client} id={props.response.id} />
      <ResponseId id={props.response.id} />
      <Show when={props.survey.resultsPublic}>
        <ResultsSummary survey={props.survey} response={props.response} />
        <ClosestGroup survey={props.survey} response={props.response} />
      </Show>
      <A class="button secondary" href="/">{t('backToStart')}</A>
    </article>
  );
}
