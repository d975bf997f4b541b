import { currentUrl } from '../router';
import { queryString } from './api';

/** The organiser's pages. */
export type OrganiserPage = 'surveys' | 'new' | 'results' | 'projector' | 'manage' | 'preview';

// Every organiser address is two path segments and a query (`/organiser/results?survey=…`):
// the app's `/organiser/*` route matches exactly two segments today.

/** The address of an organiser page with its query (survey id, version, filters). */
export function orgHref(page: OrganiserPage, query: Record<string, string | number | undefined> = {}): string {
  return `/organiser/${page}${queryString(query)}`;
}

/** One value of the current address's query. */
export function queryParam(name: string): string | undefined {
  return new URLSearchParams(currentUrl().search).get(name) ?? undefined;
}

/** The survey the current organiser page is about. */
export const surveyIdParam = () => queryParam('survey') ?? '';
