import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../shared/api';
import { DomainError } from '../domain/errors';
import type { Caller } from '../domain/access';

interface TokenClaims {
  sub: string;
  roles: Role[];
  /** The stage that issued it: a dev token never opens prod. */
  stg: string;
  iat: number;
  exp: number;
}

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

export function issueToken(
  claims: Omit<TokenClaims, 'iat' | 'exp'>,
  secret: string,
  ttlSeconds: number,
  now = Date.now(),
): { token: string; expiresAt: number } {
  const iat = Math.floor(now / 1000);
  const exp = iat + ttlSeconds;
  const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp }), 'utf8').toString('base64url');
  const body = `v1.${payload}`;
  return { token: `${body}.${sign(body, secret)}`, expiresAt: exp * 1000 };
}

/** Checks signature, stage and expiry; every failure is a 401 that tells the app to log in again. */
export function verifyToken(
  token: string,
  secret: string,
  stage: string,
  now = Date.now(),
): Caller & { issuedAt: number } {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') throw new DomainError('UNAUTHORIZED');
  const [version, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${version}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new DomainError('UNAUTHORIZED');
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    throw new DomainError('UNAUTHORIZED');
  }
  if (claims.stg !== stage || typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) {
    throw new DomainError('UNAUTHORIZED');
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) throw new DomainError('TOKEN_EXPIRED');
  return { userId: claims.sub, roles: claims.roles, issuedAt: (claims.iat ?? 0) * 1000 };
}

/** `dev:<name>` logs in the stable user `<name>`; only the local stage accepts it. */
export const DEV_LOGIN = /^dev:([a-z0-9-]{1,32})$/;
