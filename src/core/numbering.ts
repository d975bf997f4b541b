import { allQuestions } from './questions';
import type { Survey } from './survey';

/**
 * Stable question numbers for a survey, the same on every screen (respondent, organiser,
 * projector): questions always shown are numbered 1, 2, 3…; a conditional question takes
 * the number of the question before it and a letter (1a, 1b), so a question appearing or
 * disappearing never renumbers the others.
 */
export function questionNumbers(survey: Pick<Survey, 'sections'>): Map<string, string> {
  const numbers = new Map<string, string>();
  let n = 0;
  let letter = 0;
  for (const question of allQuestions(survey)) {
    if (question.showIf && n > 0) {
      numbers.set(question.id, `${n}${String.fromCharCode(97 + (letter++ % 26))}`);
    } else {
      n++;
      letter = 0;
      numbers.set(question.id, String(n));
    }
  }
  return numbers;
}
