// The app imports the data layer's modules one by one rather than through src/client/index:
// a bundler must load every module an index re-exports, and the sync engine and the schemas
// would then join the respondent's first load.
import type { Client } from '../../client';
import { openClient } from '../../client/client';

let opening: Promise<Client> | undefined;

/** The device's data layer, opened once per page and shared by every store. */
export function getClient(): Promise<Client> {
  opening ??= openClient();
  return opening;
}
