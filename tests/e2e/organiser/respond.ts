import type { Page } from 'playwright-core';
import { POSITIONS, allocate, likert, pick, press, rank, slide } from '../respondent';

/**
 * Answers the built-in survey on a phone in Korean, from the join link up to the review
 * step; the caller presses submit, so it can time what follows.
 */
export async function answerUpToReview(page: Page, joinUrl: string, options: { group: string; comment?: string }): Promise<void> {
  await page.goto(joinUrl);
  await press(page, '시작하기');
  await pick(page, 'group', options.group);
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
