import type { Question, Survey } from '../survey';
import { sovereignAiSurveyV1 } from './sovereign-ai';

/**
 * Version 1 asked "sovereign AI should come first where reliance on foreign AI is
 * unacceptable, such as defense and security": the premise (reliance is unacceptable there)
 * is built into the question, so the expected answer shows. Version 2 states the position
 * as plainly as the other seven are stated.
 */
const DEFENSE_PROMPT = {
  ko: '국방·안보 분야의 소버린 AI 구축을 우선 지원해야 한다.',
  en: 'Building sovereign AI for defense and security should be supported first.',
};

/** A position as version 2 asks it: "don't know" offered, and the defense position reworded. */
function revised(question: Question): Question {
  if (question.kind !== 'likert') return question;
  return { ...question, dontKnow: true, ...(question.id === 'p-defense' ? { prompt: DEFENSE_PROMPT } : {}) };
}

/**
 * Version 2 of the sovereign-AI survey: the eight positions offer "don't know", so a
 * respondent without a view need not pick the midpoint, and the defense position is
 * reworded. Every other question keeps its id and wording, so trends continue across the
 * two versions for all of them but `p-defense`.
 */
export const sovereignAiSurveyV2: Survey = {
  ...sovereignAiSurveyV1,
  version: 2,
  sections: sovereignAiSurveyV1.sections.map((section) =>
    section.id === 'positions' ? { ...section, questions: section.questions.map(revised) } : section,
  ),
};
