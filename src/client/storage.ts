/**
 * Asks the browser to keep this site's data under storage pressure (Safari otherwise
 * deletes a non-installed site's data after seven days without a visit). False when
 * refused or unsupported.
 */
export async function persistStorage(): Promise<boolean> {
  // `persist` exists only in windows; the WebWorker lib leaves it out.
  const storage = globalThis.navigator?.storage as (StorageManager & { persist?: () => Promise<boolean> }) | undefined;
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return false;
  }
}

/** Bytes used and available to this site, and whether its data is persistent; undefined when unknown. */
export async function storageEstimate(): Promise<{ usage: number; quota: number; persisted: boolean } | undefined> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return undefined;
  try {
    const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? false]);
    return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
  } catch {
    return undefined;
  }
}
