import { A } from '@solidjs/router';
import { For, Show, createEffect, createResource, createSignal, lazy, on } from 'solid-js';
import { storageEstimate } from '../../client/storage';
import { locale, t, tx } from '../i18n';
import { ft } from './field-strings';
import { getClient } from '../stores/client';
import { fieldSettings, saveFieldSettings } from '../stores/field';
import { listSurveys } from '../stores/surveys';
import { FieldSync } from './FieldSync';
import { syncStatus } from '../stores/sync';

// Lazy, so the analysis code it brings loads after the page's own figures are on screen.
const FieldSample = lazy(() => import('./FieldSample').then((m) => ({ default: m.FieldSample })));

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** The field researcher's page: collector name once, counts on the device, storage health. */
export function FieldPage() {
  const [data, { refetch }] = createResource(async () => {
    const client = await getClient();
    const [settings, counts, storage, surveys] = await Promise.all([fieldSettings(client), client.counts(), storageEstimate(), listSurveys(client)]);
    return { client, settings, counts, storage, surveys };
  });
  const [name, setName] = createSignal<string>();
  createEffect(on(() => syncStatus().waiting, () => void refetch(), { defer: true }));
  const save = async (enabled: boolean) => {
    const current = data();
    if (!current) return;
    await saveFieldSettings(current.client, { enabled, collector: name() ?? current.settings.collector });
    await refetch();
  };
  return (
    <div class="field" lang={locale()}>
      <h1>{t('fieldMode')}</h1>
      <Show when={data()} fallback={<p class="loading">{t('loading')}</p>}>
        {(d) => (
          <>
            <form class="card" onSubmit={(e) => { e.preventDefault(); void save(true); }}>
              <label for="collector">{ft('collector')}</label>
              <input id="collector" autocomplete="name" maxLength={80} value={d().settings.collector ?? ''} onInput={(e) => setName(e.currentTarget.value)} />
              <p class="hint">{ft('collectorHelp')}</p>
              <div class="nav-buttons">
                <Show when={d().settings.enabled}>
                  <button type="button" class="secondary" onClick={() => save(false)}>{ft('fieldModeOff')}</button>
                </Show>
                <button type="submit" class="primary">{d().settings.enabled ? ft('save') : ft('fieldModeOn')}</button>
              </div>
              <p role="status" class="hint">{d().settings.enabled ? ft('fieldModeIsOn') : ''}</p>
            </form>
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
            <FieldSample client={d().client} surveys={d().surveys} />
            <section class="card" aria-labelledby="storage-title">
              <h2 id="storage-title">{ft('storage')}</h2>
              <Show when={d().storage}>
                {(s) => <p>{megabytes(s().usage)} / {megabytes(s().quota)}</p>}
              </Show>
              <p classList={{ warning: !d().storage?.persisted }}>{d().storage?.persisted ? ft('persistent') : ft('notPersistent')}</p>
            </section>
            <For each={d().surveys}>
              {(survey) => <A class="button primary" href={`/s/${survey.id}`}>{t('startSurvey')}: {tx(survey.title)}</A>}
            </For>
          </>
        )}
      </Show>
    </div>
  );
}
