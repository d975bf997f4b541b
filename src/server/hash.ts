import { createHash } from 'node:crypto';

/** SHA-256 of a string, hex: the content hash of surveys and responses. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
