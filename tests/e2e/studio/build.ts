import type { Locator, Page } from 'playwright-core';

/** Fills a text in both languages: the two boxes labelled `<label> · Korean` and `<label> · English`. */
export async function both(scope: Page | Locator, label: string, ko: string, en: string): Promise<void> {
  await scope.getByLabel(`${label} · Korean`, { exact: true }).fill(ko);
  await scope.getByLabel(`${label} · English`, { exact: true }).fill(en);
}

/** The card of question `n` (its id `id`), found by its heading. */
export function question(page: Page, n: number, id: string): Locator {
  return page.getByRole('listitem', { name: `Question ${n} ${id}`, exact: true });
}

/** Adds a question of the kind with this menu label to the first section, and returns its card. */
export async function addQuestion(page: Page, kind: string, n: number): Promise<Locator> {
  await page.getByLabel('Type of the new question').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Add a question to section s1' }).click();
  return question(page, n, `q${n}`);
}

/** Labels options 1.. of a question card in both languages. */
export async function options(card: Locator, labels: [string, string][]): Promise<void> {
  for (const [i, [ko, en]] of labels.entries()) {
    if (i >= (await card.getByRole('button', { name: /^Delete: Option/ }).count())) await card.getByRole('button', { name: 'Add an option' }).click();
    await both(card, `Option ${i + 1}`, ko, en);
  }
}

/** The words of the one question of every kind the test survey asks, as the organiser types them. */
export const WORDS = {
  group: ['소속', 'Where do you work?'],
  likert: ['국산 AI 모델 지원에 동의합니까?', 'Do you support funding domestic AI models?'],
  likertV2: ['국산 AI 모델에 예산을 더 써야 합니까?', 'Should more of the budget go to domestic AI models?'],
  spectrum: ['일반 서비스와 전략 분야 중 어디에 가깝습니까?', 'General service or strategic sectors?'],
  allocation: ['예산을 나눠 주세요', 'Split the budget'],
  ranking: ['우선순위를 정해 주세요', 'Rank the priorities'],
  text: ['하고 싶은 말', 'Anything else?'],
} as const;

/** Builds the whole test survey through the editor: settings, a section, and one question of every kind, in both languages. */
export async function buildSurvey(page: Page): Promise<void> {
  await both(page, 'Title', '스튜디오 설문', 'Studio survey');
  await both(page, 'Description', '편집기로 만든 설문', 'A survey made in the studio');
  await both(page, 'Notice (who runs it, privacy)', '익명으로 응답합니다.', 'Answers are anonymous.');
  await page.getByLabel('Results public to respondents').check();
  await both(page, 'Section title', '질문', 'Questions');

  const group = await addQuestion(page, 'Choice', 1);
  await both(group, 'Question wording', ...WORDS.group);
  await options(group, [['산업계', 'Industry'], ['정부', 'Government']]);
  await page.getByLabel('Stakeholder group question').selectOption('q1');

  const likert = await addQuestion(page, 'Likert scale (agreement)', 2);
  await both(likert, 'Question wording', ...WORDS.likert);
  await both(likert, 'Low end label', '반대', 'Disagree');
  await both(likert, 'High end label', '찬성', 'Agree');

  const spectrum = await addQuestion(page, 'Spectrum (slider)', 3);
  await both(spectrum, 'Question wording', ...WORDS.spectrum);
  await both(spectrum, 'Low end label', '일반', 'General');
  await both(spectrum, 'High end label', '전략', 'Strategic');
  await spectrum.getByLabel('Offer "don\'t know"').check();

  const allocation = await addQuestion(page, 'Allocation (split a total)', 4);
  await both(allocation, 'Question wording', ...WORDS.allocation);
  await both(allocation, 'Unit', '조 원', 'trillion won');
  await options(allocation, [['모델', 'Models'], ['데이터', 'Data']]);

  const ranking = await addQuestion(page, 'Ranking', 5);
  await both(ranking, 'Question wording', ...WORDS.ranking);
  await options(ranking, [['국방', 'Defense'], ['제조', 'Manufacturing'], ['문화', 'Culture']]);

  const text = await addQuestion(page, 'Free text', 6);
  await both(text, 'Question wording', ...WORDS.text);
}

/** A response to version `version` of the test survey, as a phone would send it. */
export function studioResponse(version: number, id: string, likert: number): Record<string, unknown> {
  const now = new Date().toISOString();
  return {
    id, surveyId: 'studio-e2e', surveyVersion: version, wave: 'open', channel: 'web', device: `device-${id.slice(-12)}`, locale: 'en', startedAt: now, submittedAt: now,
    answers: { q1: 'o1', q2: likert, q3: 6, q4: { o1: 50, o2: 50 }, q5: ['o1', 'o3'] },
  };
}
