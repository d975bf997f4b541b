import type { Client } from '../../client';

/** Field mode: on for a researcher's device, with the collector name entered once. */
export type FieldSettings = { enabled: boolean; collector?: string };

const KEY = 'fieldMode';

/** The device's field-mode settings (off by default). */
export async function fieldSettings(client: Client): Promise<FieldSettings> {
  return (await client.getSetting<FieldSettings>(KEY)) ?? { enabled: false };
}

/** Saves field mode; an empty collector name is stored as none. */
export async function saveFieldSettings(client: Client, settings: FieldSettings): Promise<void> {
  const collector = settings.collector?.trim().slice(0, 80);
  await client.setSetting(KEY, { enabled: settings.enabled, ...(collector ? { collector } : {}) });
}
