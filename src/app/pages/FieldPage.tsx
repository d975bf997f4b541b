import { A } from '@solidjs/router';
import { For, Show, createEffect, createResource, createSignal, lazy, on } from 'solid-js';
import type { Client } from '../../client';
import { locale, t, tx } from '../i18n';
import { ft } from './field-strings';
import { getClient } from '../stores/client';
import { fieldSettings, saveFieldSettings, type FieldSettings } from '../stores/field';
import { listSurveys } from '../stores/surveys';
import { FieldStorage } from './FieldStorage';
import { FieldQuotas } from './FieldQuotas';
import { FieldSync } from './FieldSync';
import { syncStatus } from '../stores/sync';

// Lazy, so the analysis code it brings loads after the page's own figures are on screen.
const FieldSample = lazy(() => import('./FieldSample').then((m) => ({ default: m.FieldSample })));

/** The collector name and the switch: field mode cannot be turned on without a name. */
function FieldForm(props: { client: Client; settings: FieldSettings; onSaved: () => void }) {
  const [name, setName] = createSignal(props.settings.collector ?? '');
  const [missing, setMissing] = createSignal(false);
  let input!: HTMLInputElement;
  const save = async (enabled: boolean) => {
    if (enabled && name().trim() === '') {
      setMissing(true);
      input.focus();
      return;
    }
    await saveFieldSettings(props.client, { enabled, collector: name() });
    props.onSaved();
  };
  return (
    <form class="card" noValidate onSubmit={(e) => { e.preventDefault(); void save(true); }}>
      <label for="collector">{ft('collector')}</label>
      <input
        id="collector"
        ref={input}
        autocomplete="name"
        maxLength={80}
        value={name()}
        required
        aria-invalid={missing()}
        aria-describedby={missing() ? 'collector-help collector-error' : 'collector-help'}
        onInput={(e) => {
          setName(e.currentTarget.value);
          setMissing(false);
        }}
      />
      <p class="hint" id="collector-help">{ft('collectorHelp')}</p>
      <Show when={missing()}>
        <p class="error" id="collector-error" role="alert">{ft('collectorMissing')}</p>
      </Show>
      <div class="nav-buttons">
        <Show when={props.settings.enabled}>
          <button type="button" class="secondary" onClick={() => void save(false)}>{ft('fieldModeOff')}</button>
        </Show>
        <button type="submit" class="primary">{props.settings.enabled ? ft('save') : ft('fieldModeOn')}</button>
      </div>
      <p role="status" class="hint">{props.settings.enabled ? ft('fieldModeIsOn') : ''}</p>
    </form>
  );
}

/** The field researcher's page: collector name once, counts on the device, the collector's quotas, storage health. */
export function FieldPage() {
  const [data, { refetch }] = createResource(async () => {
    const client = await getClient();
    const [settings, counts, surveys] = await Promise.all([fieldSettings(client), client.counts(), listSurveys(client)]);
    return { client, settings, counts, surveys };
  });
  createEffect(on(() => syncStatus().waiting, () => void refetch(), { defer: true }));
  return (
    <div class="field" lang={locale()}>
      <h1>{t('fieldMode')}</h1>
      <Show when={data()} fallback={<p class="loading">{t('loading')}</p>}>
        {(d) => (
          <>
            <FieldForm client={d().client} settings={d().settings} onSaved={() => void refetch()} />
            <section class="card" aria-labelledby="counts-title">
              <h2 id="counts-title">{ft('onDevice')}</h2>
              <dl class="counts">
                <dt>{ft('waiting')}</dt><dd data-count="outbox">{d().counts.outbox}</dd>
                <dt>{ft('sent')}</dt><dd data-count="sent">{d().counts.sent}</dd>
                <dt>{ft('rejectedCount')}</dt><dd data-count="rejected">{d().counts.rejected}</dd>
              </dl>
              <Show when={Object.keys(d().counts.byCollector).length > 0}>
                <table class="table">
                  <thead><tr><th scope="col">{ft('collector')}</th><th scope="col">{ft('waiting')}</th><th scope="col">{ft('sent')}</th></tr></thead>
                  <tbody>
                    <For each={Object.entries(d().counts.byCollector)}>
                      {([collector, c]) => <tr><td>{collector}</td><td>{c.outbox}</td><td>{c.sent}</td></tr>}
                    </For>
                  </tbody>
                </table>
              </Show>
            </section>
            <FieldSync client={d().client} onChange={() => void refetch()} />
            <FieldQuotas client={d().client} surveys={d().surveys} />
            <FieldSample client={d().client} surveys={d().surveys} />
            <FieldStorage />
            <For each={d().surveys}>
              {(survey) => <A class="button primary" href={`/s/${survey.id}`}>{t('startSurvey')}: {tx(survey.title)}</A>}
            </For>
          </>
        )}
      </Show>
    </div>
  );
}
