import { createSignal } from 'solid-js';
import type { OrganiserStringKey } from './strings';

const KEY = 'stance.organiserToken';

function stored(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The organiser's sign-in. The token lives in sessionStorage only: it survives a reload
 * (and an offline reload) of this tab, and is gone when the tab closes or on sign-out.
 */
export function createSessionStore() {
  const [token, setToken] = createSignal<string | undefined>(stored());
  const [notice, setNotice] = createSignal<OrganiserStringKey>();

  const signOut = () => {
    sessionStorage.removeItem(KEY);
    setToken(undefined);
  };

  return {
    token,
    /** Why the sign-in screen is shown again, if the server refused the token mid-session. */
    notice,
    signIn(value: string) {
      sessionStorage.setItem(KEY, value);
      setNotice(undefined);
      setToken(value);
    },
    signOut() {
      setNotice(undefined);
      signOut();
    },
    /** The server answered 401 to a call made with the kept token. */
    refused() {
      setNotice('tokenExpired');
      signOut();
    },
  };
}

/** The session's public face. */
export type Session = ReturnType<typeof createSessionStore>;
