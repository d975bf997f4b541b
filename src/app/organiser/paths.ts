import { useLocation, type Location } from '@solidjs/router';
import { queryString } from './api';

/** The organiser's pages. */
export type OrganiserPage = 'surveys' | 'new' | 'results' | 'projector' | 'manage' | 'preview' | 'accounts' | 'tokens' | 'audit' | 'studio' | 'report';

// Every organiser address is one page name and a query (`/organiser/results?survey=…&wave=…`):
// filters live in the query, so a link or a reload restores exactly what was on screen.

/** The address of an organiser page with its query (survey id, version, filters). */
export function orgHref(page: OrganiserPage, query: Record<string, string | number | undefined> = {}): string {
  return `/organiser/${page}${queryString(query)}`;
}

let routed: Location | undefined;

/**
 * Binds the helpers below to the router's location. The organiser's frame calls it once,
 * inside the router: pages read the query from event handlers and prop getters too, where
 * the router's own hooks (which need its context) would throw.
 */
export function bindOrganiserLocation(): void {
  routed = useLocation();
}

/** One value of the current address's query; tracked where it is read reactively. */
export function queryParam(name: string): string | undefined {
  return new URLSearchParams(routed?.search ?? window.location.search).get(name) ?? undefined;
}

/** The survey the current organiser page is about. */
export const surveyIdParam = () => queryParam('survey') ?? '';
