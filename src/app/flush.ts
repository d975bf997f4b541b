const hooks = new Set<() => Promise<unknown>>();

/** Registers work that must finish before the page reloads (a pending draft save). */
export function onBeforeReload(hook: () => Promise<unknown>): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Runs every registered hook and waits for all of them, failures included. */
export async function flushBeforeReload(): Promise<void> {
  await Promise.allSettled([...hooks].map((hook) => hook()));
}
