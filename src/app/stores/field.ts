import { AppError } from '../../core/errors';
import type { Client } from '../../client';

/** Field mode: on for a researcher's device, with the collector name entered once. */
export type FieldSettings = { enabled: boolean; collector?: string };

const KEY = 'fieldMode';

/** The device's field-mode settings (off by default). */
export async function fieldSettings(client: Client): Promise<FieldSettings> {
  return (await client.getSetting<FieldSettings>(KEY)) ?? { enabled: false };
}

/** Saves field mode; an empty collector name is stored as none, and field mode cannot be on without one. */
export async function saveFieldSettings(client: Client, settings: FieldSettings): Promise<void> {
  const collector = settings.collector?.trim().slice(0, 80);
  if (settings.enabled && !collector) throw new AppError('invalid', 'Field mode needs a collector name.');
  await client.setSetting(KEY, { enabled: settings.enabled, ...(collector ? { collector } : {}) });
}
