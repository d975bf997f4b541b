import { createSignal } from 'solid-js';
import type { Account, Role } from '../../core/accounts';
import { atLeast, granted } from '../../core/accounts';

const KEY = 'stance.organiserAccount';

/**
 * The account last signed in on this browser. Only who it is and its role are kept (the
 * session itself is an HttpOnly cookie no script can read), so the pages open at once in a
 * new tab, after a reload and offline; the server's answer to /auth/me then decides.
 */
function remembered(): Account | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Account) : undefined;
  } catch {
    return undefined;
  }
}

function remember(account: Account | undefined): void {
  try {
    if (account) localStorage.setItem(KEY, JSON.stringify(account));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the session still works for this page.
  }
}

/**
 * The organiser's sign-in, shared by every tab of this browser. The UI asks `can` and
 * `sees` to hide what the account may not do; the server decides all the same.
 */
export function createSessionStore() {
  const [account, setAccount] = createSignal<Account | undefined>(remembered());
  const [ended, setEnded] = createSignal(false);
  const set = (next: Account | undefined) => {
    remember(next);
    setAccount(next);
  };
  // Another tab signed in or out.
  window.addEventListener('storage', (event) => {
    if (event.key === KEY) setAccount(remembered());
  });

  return {
    account,
    /** Whether the sign-in screen is back because the server ended the session mid-way. */
    ended,
    /** Whether the account's role includes `role`. */
    can: (role: Role) => {
      const a = account();
      return a !== undefined && atLeast(a.role, role);
    },
    /** Whether the account may see survey `id`. */
    sees: (id: string) => {
      const a = account();
      return a !== undefined && granted(a, id);
    },
    signedIn(next: Account) {
      setEnded(false);
      set(next);
    },
    signedOut() {
      setEnded(false);
      set(undefined);
    },
    /** The server answered 401 to a call made in this session. */
    refused() {
      if (!account()) return;
      setEnded(true);
      set(undefined);
    },
  };
}

/** The session's public face. */
export type Session = ReturnType<typeof createSessionStore>;
