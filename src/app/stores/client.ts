import { openClient, type Client } from '../../client';

let opening: Promise<Client> | undefined;

/** The device's data layer, opened once per page and shared by every store. */
export function getClient(): Promise<Client> {
  opening ??= openClient();
  return opening;
}
