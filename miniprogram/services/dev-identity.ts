import type { KeyValue } from './kv';
import { KEYS } from './kv';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function randomString(
  length: number,
  alphabet = ALPHABET,
  random: () => number = Math.random,
): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

export const DEV_IDENTITY_PATTERN = /^dev:u-[a-z0-9]{12}$/;

/** Any stage-local dev login kept in storage is reused (a test may set `dev:staff-…` to act as staff). */
const KEPT_IDENTITY = /^dev:[a-z0-9-]{1,32}$/;

/**
 * The H5 build's stand-in for wx.login on the local stack: `dev:u-<12 chars>`, made on first launch and
 * kept, so a browser (and a browser test) comes back as the same user.
 */
export function devIdentity(kv: KeyValue, random: () => number = Math.random): string {
  const existing = kv.get<string>(KEYS.devIdentity);
  if (existing && KEPT_IDENTITY.test(existing)) return existing;
  const created = `dev:u-${randomString(12, ALPHABET, random)}`;
  kv.set(KEYS.devIdentity, created);
  return created;
}
