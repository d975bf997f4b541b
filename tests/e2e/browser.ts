import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Flags that keep Debian's Chromium quiet and working on a machine with no outside network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches Debian's Chromium headless. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A phone: 360 × 740, touch, Korean unless told otherwise. */
export function phone(browser: Browser, locale = 'ko-KR'): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale });
}

/** Waits until our service worker has precached the app and controls the page, so it can go offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  // A controller exists only once the worker has installed (precached everything) and activated.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 30_000, polling: 100 });
}

/** Fails with the list of axe-core violations on the current screen, if any. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const found = result.violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found).toEqual([]);
}

/** Everything in one object store of the app's IndexedDB, read inside the page. */
export function readStore(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('stance');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/** Writes records into one store of the app's database, as an older app or a sync would have. */
export function writeStore(page: Page, store: string, records: unknown[]): Promise<void> {
  return page.evaluate(
    ([name, values]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('stance');
        open.onsuccess = () => {
          const tx = open.result.transaction(name as string, 'readwrite');
          for (const value of values as unknown[]) tx.objectStore(name as string).put(value);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [store, records] as const,
  );
}

/** How many lines of text an element's content box holds: its content height over its line height. */
export function lineCount(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => {
    const style = getComputedStyle(el);
    const content = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return Math.round(content / parseFloat(style.lineHeight));
  });
}

/** A response as the browser tests look at it. */
type HeldResponse = { id: string; wave: string; channel: string; collector?: string };

/**
 * Every response the device holds, waiting or acknowledged, once each. The outbox is read
 * before `sent`, so a response that moves between them meanwhile is seen twice (and kept
 * once), never missed.
 */
export async function heldResponses(page: Page): Promise<HeldResponse[]> {
  const waiting = (await readStore(page, 'outbox')) as HeldResponse[];
  const sent = ((await readStore(page, 'sent')) as { response: HeldResponse }[]).map((s) => s.response);
  return [...new Map([...waiting, ...sent].map((r) => [r.id, r])).values()];
}
