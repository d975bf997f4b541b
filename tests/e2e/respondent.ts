import type { Page } from 'playwright-core';

/** Presses the primary button with this accessible name. */
export async function press(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).click();
}

/** Picks a radio or checkbox by its label inside one question. */
export async function pick(page: Page, questionId: string, label: string): Promise<void> {
  await page.locator(`#q-${questionId}`).getByRole('radio', { name: label, exact: true }).check();
}

/** Answers a Likert item with a number of points. */
export async function likert(page: Page, questionId: string, point: number): Promise<void> {
  await page.locator(`#q-${questionId}`).getByRole('radio', { name: new RegExp(`^${point}( —|$)`) }).check();
}

/** Sets a slider by keyboard, as a keyboard or screen-reader user would. */
export async function slide(page: Page, questionId: string, steps: number): Promise<void> {
  const slider = page.locator(`#q-${questionId} input[type=range]`);
  await slider.focus();
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowRight' : 'ArrowLeft');
}

/** Types amounts into an allocation's boxes, in option order. */
export async function allocate(page: Page, questionId: string, amounts: number[]): Promise<void> {
  const boxes = page.locator(`#q-${questionId} .alloc-row input`);
  for (const [i, amount] of amounts.entries()) {
    await boxes.nth(i).fill(String(amount));
    await boxes.nth(i).press('Tab');
  }
}

/** Taps ranking options in order. */
export async function rank(page: Page, questionId: string, labels: string[]): Promise<void> {
  for (const label of labels) await page.locator(`#q-${questionId}`).getByRole('button', { name: label }).first().tap();
}

export const POSITIONS = ['p-general-service', 'p-model-builders', 'p-defense', 'p-manufacturing', 'p-culture', 'p-public-finance', 'p-partnerships', 'p-data-first'];

/** Answers the whole sovereign-AI survey from the notice up to the review step (Korean UI). */
export async function answerUpToReview(page: Page, options: { group?: string; comment?: string } = {}): Promise<void> {
  await press(page, '시작하기');
  await pick(page, 'group', options.group ?? '제조업');
  await press(page, '다음');
  for (const [i, id] of POSITIONS.entries()) await likert(page, id, (i % 5) + 1);
  await press(page, '다음');
  await slide(page, 'spectrum', 3);
  await allocate(page, 'allocation', [40, 10, 10, 10, 10, 10, 10]);
  await rank(page, 'ranking', ['제조업', '국방·안보', '교육']);
  await pick(page, 'path', '둘을 함께');
  await press(page, '다음');
  if (options.comment) await page.locator('#q-comment textarea').fill(options.comment);
  await press(page, '검토');
}

/** Answers and submits the whole survey, ending on the thank-you screen, or the next blank survey in field mode. */
export async function answerAll(page: Page, options: { group?: string; comment?: string; fieldMode?: boolean } = {}): Promise<void> {
  await answerUpToReview(page, options);
  await press(page, '제출하기');
  // Field mode skips the thank-you and opens a blank survey for the next respondent.
  if (options.fieldMode) await page.locator('.saved-toast').waitFor();
  else await page.getByRole('heading', { name: '감사합니다' }).waitFor();
}
