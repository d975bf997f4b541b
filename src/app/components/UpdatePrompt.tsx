import { Show } from 'solid-js';
import { t } from '../i18n';
import { applyUpdate, dismissUpdate, updateReady } from '../sw-update';

/** Asks before updating, because updating reloads the page. */
export function UpdatePrompt() {
  return (
    <Show when={updateReady()}>
      <div class="update-prompt" role="status">
        <span>{t('updateReady')}</span>
        <button type="button" class="secondary small" onClick={dismissUpdate}>{t('later')}</button>
        <button type="button" class="primary small" onClick={() => void applyUpdate()}>{t('updateNow')}</button>
      </div>
    </Show>
  );
}
