import { currentUrl } from '../router';
import { queryString } from './api';

/** The organiser's pages. */
export type OrganiserPage = 'surveys' | 'new' | 'results' | 'projector' | 'manage' | 'preview' | 'report';

// Every organiser address is one page name and a query (`/organiser/results?survey=…&wave=…`):
// filters live in the query, so a link or a reload restores exactly what was on screen.

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
