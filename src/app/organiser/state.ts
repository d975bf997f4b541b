import { createOrganiserApi } from './api';
import { createSessionStore } from './session';

// One organiser per page: the chunk makes them when it loads, and every page imports them.

/** The organiser's sign-in for this tab. */
export const session = createSessionStore();

/** The organiser API, carrying the session's token. */
export const api = createOrganiserApi(session);
