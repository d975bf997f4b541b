import type { Survey } from '../survey';
import { sovereignAiSurvey } from './sovereign-ai';

/** Surveys shipped inside the app, so a first visit can answer offline before any sync. */
export const builtInSurveys: Survey[] = [sovereignAiSurvey];

export { sovereignAiSurvey };
