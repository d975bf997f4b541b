import { For, Show } from 'solid-js';
import type { Held } from '../../client';
import { locale, tx } from '../i18n';
import { countText, formatDateTime, type CountText } from '../numbers';
import { fill } from '../particles';
import { syncStatus } from '../stores/sync';
import type { VisitNote } from '../stores/visit';
import { rs } from './respondent-strings';
import type { Opened } from './SurveyPage';

const WAITING: CountText = { ko: '응답 {n}개 전송 대기', en: { one: '{n} response waiting to send', other: '{n} responses waiting to send' } };
const quoted = (text: string) => (locale() === 'ko' ? `‘${text}’` : `“${text}”`);

/** On a field device's survey screens: who collects, and how many responses wait to be sent. */
export function FieldBar(props: { collector: string | undefined }) {
  return (
    <p class="field-bar" lang={locale()}>
      <span>{fill(rs('fieldBar'), { name: props.collector ?? '—' })}</span>
      <span>{countText(WAITING, syncStatus().waiting, locale())}</span>
    </p>
  );
}

function noteText(note: VisitNote): string {
  switch (note.kind) {
    case 'wave-changed':
      return fill(rs('waveChanged'), { given: quoted(note.given), wave: quoted(note.wave) });
    case 'wave-unusable':
      return fill(rs('waveUnusable'), { given: quoted(note.given), wave: quoted(note.wave) });
    case 'channel-unknown':
      return fill(rs('channelUnknown'), { given: quoted(note.given), channel: quoted(note.channel) });
    case 'field-needs-mode':
      return rs('fieldNeedsMode');
  }
}

/** A response id to quote, selectable in one tap. */
export function ResponseId(props: { id: string }) {
  return (
    <p class="response-id">
      {rs('responseId')}: <code>{props.id}</code>
      <br />
      <span class="hint">{rs('deletionHelp')}</span>
    </p>
  );
}

function AlreadyAnswered(props: { held: Held; locked: boolean }) {
  const state = () => rs(props.held.state === 'sent' ? 'stateSent' : 'stateWaiting');
  return (
    <section class="already" aria-labelledby="already-title">
      <h2 id="already-title">{rs('alreadyTitle')}</h2>
      <p>{fill(rs('alreadyWhen'), { when: formatDateTime(props.held.submittedAt, locale()), state: state() })}</p>
      <ResponseId id={props.held.id} />
      <p classList={{ warning: props.locked }}>{rs(props.locked ? 'locked' : 'again')}</p>
    </section>
  );
}

/** The notice's occasional parts: field mode, the joined wave, what a link could not carry, an earlier answer. */
export function NoticeExtras(props: { opened: Opened; locked: boolean }) {
  const visit = () => props.opened.visit;
  return (
    <>
      <Show when={props.opened.field.enabled}>
        <FieldBar collector={props.opened.field.collector} />
      </Show>
      <Show when={visit().join}>
        {(join) => <p class="hint">{fill(rs('joined'), { label: tx(join().label), code: join().code })}</p>}
      </Show>
      <Show when={visit().notes.length > 0}>
        <ul class="link-notes warning">
          <For each={visit().notes}>{(note) => <li>{noteText(note)}</li>}</For>
        </ul>
      </Show>
      <Show when={props.opened.held}>{(held) => <AlreadyAnswered held={held()} locked={props.locked} />}</Show>
    </>
  );
}
