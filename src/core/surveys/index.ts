import type { Survey } from '../survey';
import { sovereignAiSurveyV1 } from './sovereign-ai';
import { sovereignAiSurveyV2 } from './sovereign-ai-v2';

/**
 * Every published version of the surveys shipped inside the app, oldest first, so a first
 * visit can answer offline before any sync, and the server knows the versions devices hold.
 */
export const builtInSurveys: Survey[] = [sovereignAiSurveyV1, sovereignAiSurveyV2];

/** The newest built-in version of a survey, which a new respondent answers. */
export function latestBuiltIn(id: string): Survey | undefined {
  let latest: Survey | undefined;
  for (const survey of builtInSurveys) if (survey.id === id && (!latest || survey.version > latest.version)) latest = survey;
  return latest;
}

/** The sovereign-AI survey as a new respondent gets it: its latest version. */
export const sovereignAiSurvey: Survey = sovereignAiSurveyV2;

export { sovereignAiSurveyV1, sovereignAiSurveyV2 };
