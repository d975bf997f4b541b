import { createSignal } from 'solid-js';
import type { Workbox } from 'workbox-window';
import { flushBeforeReload } from './flush';

const [updateReady, setUpdateReady] = createSignal(false);
let workbox: Workbox | undefined;

/** True when a new service worker waits and the user may be asked to update. */
export { updateReady };

/**
 * Registers our service worker. A new version waits until the user agrees, so a respondent
 * halfway through is never reloaded under their thumb.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const { Workbox } = await import('workbox-window');
  workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => setUpdateReady(true));
  await workbox.register();
}

/** Saves the draft, then lets the waiting worker take over and reloads once it controls the page. */
export async function applyUpdate(): Promise<void> {
  if (!workbox) return;
  await flushBeforeReload();
  workbox.addEventListener('controlling', () => window.location.reload());
  workbox.messageSkipWaiting();
}

/** Hides the prompt until the next update. */
export function dismissUpdate(): void {
  setUpdateReady(false);
}
