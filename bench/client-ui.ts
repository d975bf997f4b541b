import type { BrowserContext } from 'playwright-core';
import { answerUpToReview, press } from '../tests/e2e/respondent';

/**
 * Answers the whole survey in the app `n` times (with the browser tests' own helper) and times
 * the last tap ("제출하기") to the thank-you heading: the submit latency a respondent sees,
 * outbox transaction included.
 */
export async function submitInUi(context: BrowserContext, url: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const page = await context.newPage();
    try {
      await page.goto(`${url}/s/sovereign-ai?wave=bench-ui`);
      await answerUpToReview(page);
      const heading = page.getByRole('heading', { name: '감사합니다' });
      const start = performance.now();
      await press(page, '제출하기');
      await heading.waitFor({ timeout: 15_000 });
      times.push(performance.now() - start);
    } finally {
      await page.close();
    }
  }
  return times;
}
