import { checkSurvey, type SurveyCheck } from './survey-problems';

/**
 * The definition a draft publishes as: the draft's own fields, with the id and version the
 * server gives it (the survey the draft belongs to, and the next free version number), so an
 * editor never has to keep either right by hand. Anything but an object stays as it is and
 * is reported as not a survey.
 */
export function draftAsSurvey(definition: unknown, id: string, version: number): unknown {
  const isObject = typeof definition === 'object' && definition !== null && !Array.isArray(definition);
  return isObject ? { ...definition, id, version } : definition;
}

/** Checks a draft as it would be published as version `version` of survey `id`. */
export function checkDraft(definition: unknown, id: string, version: number): SurveyCheck {
  return checkSurvey(draftAsSurvey(definition, id, version));
}
