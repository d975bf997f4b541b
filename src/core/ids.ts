/** Fills and returns `bytes` with random values (crypto.getRandomValues in practice). */
export type RandomSource = (bytes: Uint8Array) => Uint8Array;
/** Milliseconds since the Unix epoch. */
export type Clock = () => number;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids
 * made on a device sort by creation time. Clock and randomness are injected to keep
 * `core` deterministic under test.
 */
export function uuidv7(now: number, random: RandomSource): string {
  const bytes = random(new Uint8Array(16));
  let ms = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = Array.from(bytes, (b) => HEX[b]).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The creation time (ms) encoded in a UUID v7. */
export function uuidv7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

/** Matches any RFC 9562 UUID in its canonical lower- or upper-case form. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * A UUID in its one canonical form, lower case; anything else unchanged. Ids that differ only
 * in case are the same id (RFC 9562), so the server, the device and imports all store,
 * compare and report this form.
 */
export function canonicalId(id: string): string {
  return UUID_PATTERN.test(id) ? id.toLowerCase() : id;
}
