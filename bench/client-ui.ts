import type { BrowserContext } from 'playwright-core';
import { allocate, likert, pick, POSITIONS, press, rank, slide } from '../tests/e2e/respondent';

/**
 * Answers the whole survey in the app `n` times and times the last tap ("제출하기") to the
 * thank-you heading: the submit latency a respondent sees, outbox transaction included.
 */
export async function submitInUi(context: BrowserContext, url: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const page = await context.newPage();
    try {
      await page.goto(`${url}/s/sovereign-ai?wave=bench-ui`);
      await press(page, '시작하기');
      await pick(page, 'group', '제조업');
      await press(page, '다음');
      for (const [j, id] of POSITIONS.entries()) await likert(page, id, ((i + j) % 5) + 1);
      await press(page, '다음');
      await slide(page, 'spectrum', 3);
      await allocate(page, 'allocation', [40, 10, 10, 10, 10, 10, 10]);
      await rank(page, 'ranking', ['제조업', '국방·안보', '교육']);
      await pick(page, 'path', '글로벌 모델 기업과 제휴');
      await press(page, '다음');
      await press(page, '검토');
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
