import { Show, createResource } from 'solid-js';
import { persistStorage, storageEstimate } from '../../client/storage';
import { locale } from '../i18n';
import { formatBytes } from '../numbers';
import { fill } from '../particles';
import { ft } from './field-strings';

/**
 * How to make this browser keep the data, found by what it offers rather than by its name:
 * only Apple's browsers have `navigator.standalone` (the Home Screen web app, which Safari
 * exempts from its seven-day deletion); a browser that fires `beforeinstallprompt` can
 * install the app; any other gets the general advice alone.
 */
export function keepDataAdvice(nav: object, win: object): 'homeScreen' | 'install' | undefined {
  if ('standalone' in nav) return 'homeScreen';
  return 'BeforeInstallPromptEvent' in win ? 'install' : undefined;
}

/** Storage in use and available, in units that read at a glance, and what to do when it may be deleted. */
export function FieldStorage() {
  const [storage, { refetch }] = createResource(storageEstimate);
  const advice = keepDataAdvice(navigator, window);
  const ask = async () => {
    await persistStorage();
    await refetch();
  };
  return (
    <section class="card" aria-labelledby="storage-title">
      <h2 id="storage-title">{ft('storage')}</h2>
      <Show when={storage()}>
        {(s) => <p>{fill(ft('storageUse'), { used: formatBytes(s().usage, locale()), quota: formatBytes(s().quota, locale()) })}</p>}
      </Show>
      <Show when={storage.state === 'ready'}>
        <Show when={!storage()?.persisted} fallback={<p>{ft('persistent')}</p>}>
          <div class="warning">
            <p>{ft('notPersistent')}</p>
            <Show when={advice}>{(a) => <p>{ft(a())}</p>}</Show>
            <button type="button" class="secondary" onClick={() => void ask()}>{ft('askPersist')}</button>
          </div>
        </Show>
      </Show>
    </section>
  );
}
