import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt's cost: N = 2^14, r = 8, p = 1 (16 MiB and tens of milliseconds per hash), the
 * parameters scrypt's author gives for interactive sign-in. They are written into every
 * hash, so raising them later leaves the hashes already stored readable.
 */
const COST = { N: 2 ** 14, r: 8, p: 1 };
const KEY_BYTES = 32;
/** Above the 16 MiB the cost needs, below what would let a burst of sign-ins exhaust memory. */
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, cost: typeof COST, bytes = KEY_BYTES): Promise<Buffer> {
  // The asynchronous form runs on libuv's thread pool, so a sign-in does not stall other requests.
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, bytes, { ...cost, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A new hash of `password`: `scrypt$N$r$p$salt$key`, salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

let dummy: Promise<string> | undefined;

/** Makes the dummy hash ahead of the first sign-in, which would otherwise pay for two hashes. */
export function prepareDummyHash(): void {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
}

/**
 * Whether `password` matches `stored`. Without a stored hash (an unknown username, an
 * account whose password was never set) a dummy hash is checked instead, so every sign-in
 * costs one scrypt and a wrong name cannot be told from a wrong password by its time.
 */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  prepareDummyHash();
  const hash = stored ?? (await dummy!);
  const [scheme, n, r, p, salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(actual, expected) && stored !== null && stored !== undefined;
}
