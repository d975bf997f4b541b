import { mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, readStore, waitForServiceWorker } from './browser';
import { answerAll } from './respondent';
import { startServer, storedIds, type TestServer } from './server';

const profile = mkdtempSync(join(tmpdir(), 'stance-profile-'));
let server: TestServer | undefined;
let context: BrowserContext | undefined;

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await server?.stop();
  rmSync(profile, { recursive: true, force: true });
});

/** A phone-sized Chromium on a profile kept on disk, so a second launch finds the first one's data. */
function launchPhone(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'ko-KR',
  });
}

/**
 * The browser process of this profile: Chromium's profile lock is a symlink to
 * "<host>-<pid>" of the process that holds the profile, the one a crash would take down.
 */
function browserPid(): number {
  const pid = Number(/-(\d+)$/.exec(readlinkSync(join(profile, 'SingletonLock')))![1]);
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  expect(cmdline).toContain(`--user-data-dir=${profile}`);
  return pid;
}

/** SIGKILL, as a phone's OS or a flat battery would: no unload handlers, no graceful shutdown. */
async function killBrowser(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return; // gone
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`browser ${pid} survived SIGKILL`);
}

describe('a browser killed right after "saved"', () => {
  it('has the response in the outbox when started again with the same profile, and syncs it', async () => {
    server = await startServer();
    context = await launchPhone();
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/s/sovereign-ai?wave=crash-test`);
    await waitForServiceWorker(page);
    await server.stop(); // offline, so the response can only be on the device

    await answerAll(page, { group: '국방·안보 산업', comment: '전원이 꺼지기 직전' });
    await page.getByText('응답이 이 기기에 저장되었습니다').waitFor();
    await killBrowser(browserPid());
    context = undefined;

    context = await launchPhone();
    const again = context.pages()[0] ?? (await context.newPage());
    await again.goto(`${server.url}/s/sovereign-ai?wave=crash-test`); // served by the service worker: the server is still down
    const outbox = (await readStore(again, 'outbox')) as { id: string; wave: string; answers: Record<string, unknown> }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ wave: 'crash-test', answers: { group: 'defense', comment: '전원이 꺼지기 직전' } });
    expect(await readStore(again, 'drafts')).toEqual([]);

    server = await startServer({ port: server.port, dataDir: server.dataDir });
    await again.reload();
    await expect.poll(() => storedIds(server!.url), { timeout: 60_000, interval: 500 }).toEqual([outbox[0]!.id]);
    await expect.poll(() => readStore(again, 'outbox'), { timeout: 15_000 }).toEqual([]);
    expect(((await readStore(again, 'sent')) as { response: { id: string } }[]).map((s) => s.response.id)).toEqual([outbox[0]!.id]);
  });
});
