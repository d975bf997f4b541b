import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch } from './browser';
import { makeResponse, postResponses, signIn, signInAs } from './organiser/helpers';
import { startServer, type TestServer } from './server';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];
const ANNA = 'anna-research';
const PASSWORD = 'a long enough password';

/** A desktop browser of its own (its own cookies), in Korean or English. */
async function tab(locale: 'ko-KR' | 'en-US' = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale, acceptDownloads: true });
  contexts.push(context);
  return context.newPage();
}

const results = (page: Page) => page.goto(`${server.url}/organiser/results?survey=sovereign-ai`);
const accountCard = (page: Page, username: string) => page.locator(`li.org-account[data-username="${username}"]`);

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), startServer()]);
  await postResponses(server.url, Array.from({ length: 6 }, (_, i) => makeResponse({ group: 'defense', comment: i === 0 ? 'a comment to moderate' : undefined })));
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

describe('organisers as people', () => {
  let owner: Page;
  let victorLink: string;

  it('an owner signs in with the owner token and creates an analyst (with a password) and a viewer (with a set-password link)', async () => {
    owner = await tab();
    await signIn(owner, server.url, undefined, '/organiser/accounts');
    await owner.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await owner.locator('#new-username').fill(ANNA);
    await owner.locator('input[name="new-role"][value="analyst"]').check();
    await owner.locator('#new-password').fill(PASSWORD);
    await owner.getByRole('button', { name: 'Create' }).click();
    await accountCard(owner, ANNA).waitFor();
    expect(await accountCard(owner, ANNA).textContent()).toContain('Analyst');

    await owner.locator('#new-username').fill('victor');
    await owner.locator('input[name="new-role"][value="viewer"]').check();
    await owner.locator('input[name="new-scope"][value="some"]').check();
    await owner.locator('#new-surveys').fill('sovereign-ai');
    await owner.getByRole('button', { name: 'Create' }).click();
    victorLink = await owner.locator('#new-account-link').inputValue();
    expect(victorLink).toMatch(new RegExp(`^${server.url}/organiser/set-password#[A-Za-z0-9_-]{43}$`));
    expect(await accountCard(owner, 'victor').textContent()).toContain('No password yet');
    await expectAccessible(owner, 'accounts (en)');
  });

  it('the analyst signs in, sees exports and comments but no delete, hide or manage controls, and makes a token shown once', async () => {
    const anna = await tab();
    await signInAs(anna, server.url, ANNA, PASSWORD, '/organiser/results?survey=sovereign-ai');
    await anna.getByRole('heading', { name: 'Export raw data' }).waitFor();
    // Comments have a view of their own: the analyst has its tab and reads them there.
    await anna.getByRole('button', { name: 'Comments', exact: true }).click();
    await anna.getByText('a comment to moderate').waitFor();
    for (const name of ['Delete response', 'Hide', 'Manage']) expect(await anna.getByRole('button', { name }).count(), name).toBe(0);
    expect(await anna.getByRole('link', { name: 'Manage' }).count()).toBe(0);
    expect(await anna.getByRole('link', { name: 'Accounts' }).count()).toBe(0);
    const download = anna.waitForEvent('download');
    await anna.getByRole('button', { name: 'Download CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^sovereign-ai-v\d+\.csv$/);

    await anna.getByRole('link', { name: 'My API tokens' }).click();
    await anna.locator('#token-name').fill('R export');
    await anna.getByRole('button', { name: 'Make a token' }).click();
    const token = await anna.locator('#new-token').inputValue();
    expect(token).toMatch(/^stance_/);
    await expectAccessible(anna, 'my tokens (en)');
    const viaToken = await fetch(`${server.url}/api/v1/surveys/sovereign-ai/responses.ndjson`, { headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.status).toBe(200);
    await anna.reload();
    await anna.locator('table.org-data').getByText('R export').waitFor();
    expect(await anna.locator('body').textContent()).not.toContain(token);
  });

  it('the viewer sets a password through the link (Korean), signs in, and sees results without exports or comments', async () => {
    const victor = await tab('ko-KR');
    await victor.goto(victorLink);
    await victor.locator('#new-password-1').waitFor();
    expect(victor.url()).not.toContain('#');
    await expectAccessible(victor, 'set password (ko)');
    await victor.locator('#new-password-1').fill(PASSWORD);
    await victor.locator('#new-password-2').fill(PASSWORD);
    await victor.locator('#new-password-2').press('Enter');
    await victor.getByText('비밀번호를 설정했습니다.').waitFor();
    await signInAs(victor, server.url, 'victor', PASSWORD, '/organiser/results?survey=sovereign-ai');
    await victor.locator('[data-testid=response-count]').filter({ hasText: '6' }).waitFor();
    expect(await victor.getByRole('heading', { name: '원자료 내보내기' }).count()).toBe(0);
    expect(await victor.getByRole('button', { name: '의견', exact: true }).count()).toBe(0);
    // Even the comments view's own address shows the viewer no comment.
    await victor.goto(`${server.url}/organiser/results?survey=sovereign-ai&view=comments`);
    await victor.locator('[data-testid=response-count]').filter({ hasText: '6' }).waitFor();
    expect(await victor.getByText('a comment to moderate').count()).toBe(0);
    expect(await victor.getByRole('button', { name: 'CSV 내려받기' }).count()).toBe(0);
    await victor.getByRole('link', { name: '내 API 토큰' }).click();
    await victor.getByRole('heading', { name: '내 API 토큰', level: 1 }).waitFor();
    await expectAccessible(victor, 'my tokens (ko)');
  });

  it('the owner reads their actions in the audit log, filtered, in English and Korean', async () => {
    await owner.getByRole('link', { name: 'Audit log' }).click();
    const table = owner.locator('table.org-audit');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    for (const seen of ['account_created', 'password_link_issued', 'password_set', 'login', 'export', 'token_created']) expect(text, seen).toContain(seen);
    await expectAccessible(owner, 'audit log (en)');
    await owner.locator('#audit-actor').fill(ANNA);
    await owner.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(2)').allTextContents())]).toEqual([ANNA]);
    expect(await table.locator('tbody').textContent()).toContain('export');

    const korean = await tab('ko-KR');
    await signIn(korean, server.url, undefined, '/organiser/audit');
    await korean.getByRole('heading', { name: '감사 기록', level: 1 }).waitFor();
    await korean.locator('table.org-audit').waitFor();
    await expectAccessible(korean, 'audit log (ko)');
    await korean.goto(`${server.url}/organiser/accounts`);
    await korean.locator(`li.org-account[data-username="${ANNA}"]`).waitFor();
    await expectAccessible(korean, 'accounts (ko)');
    await korean.getByRole('button', { name: '로그아웃' }).click();
    await korean.locator('#org-username').waitFor();
    await expectAccessible(korean, 'sign-in (ko)');
  });

  it('disabling the analyst signs her out of an open page at its next call', async () => {
    const anna = await tab();
    await signInAs(anna, server.url, ANNA, PASSWORD);
    await anna.getByRole('heading', { name: 'Surveys', level: 1 }).waitFor();
    await owner.goto(`${server.url}/organiser/accounts`);
    await accountCard(owner, ANNA).getByRole('button', { name: 'Disable' }).click();
    await accountCard(owner, ANNA).getByRole('button', { name: 'Really disable' }).click();
    await expect.poll(() => accountCard(owner, ANNA).textContent()).toContain('Disabled');
    await anna.getByRole('link', { name: 'My API tokens' }).click();
    await anna.getByText('Your session ended').waitFor();
    await expectAccessible(anna, 'sign-in after the session ended (en)');
  });
});
