import { useLocation } from '@solidjs/router';
import { queryString } from './api';

/** The organiser's pages. */
export type OrganiserPage = 'surveys' | 'new' | 'results' | 'projector' | 'manage' | 'preview';

// Every organiser address is one page name and a query (`/organiser/results?survey=…&wave=…`):
// filters live in the query, so a link or a reload restores exactly what was on screen.

/** The address of an organiser page with its query (survey id, version, filters). */
export function orgHref(page: OrganiserPage, query: Record<string, string | number | undefined> = {}): string {
  return `/organiser/${page}${queryString(query)}`;
}

/**
 * One value of the current address's query, tracked. It reads the router's location, so it
 * runs where a page or its computations run (the router's context), not in an event handler.
 */
export function queryParam(name: string): string | undefined {
  return new URLSearchParams(useLocation().search).get(name) ?? undefined;
}

/** The survey the current organiser page is about. */
export const surveyIdParam = () => queryParam('survey') ?? '';
