import { hash } from 'node:crypto';

/**
 * SHA-256 of a string (as UTF-8), hex: the content hash of surveys and responses. The
 * one-shot `hash` costs half of a `createHash` object per call, and ingest hashes every response.
 */
export function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}
