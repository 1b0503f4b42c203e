import type { LoginResponse, Role } from '@shared/api';
import { isApiError, NetworkError } from './errors';
import { KEYS, taroKv, type KeyValue } from './kv';
import { loginCode } from './login-code';
import { request } from './request';

export interface Session {
  token: string;
  userId: string;
  expiresAt: string;
  /** From POST /auth/login: `user`, `staff:<schoolId>`, `admin` (the server re-checks them on every call). */
  roles?: Role[];
}

export interface Auth {
  session(): Promise<Session>;
  /** Runs a call with a token; a 401 means the token is stale: log in again once and retry. */
  withToken<T>(call: (token: string) => Promise<T>): Promise<T>;
  clear(): void;
  current(): Session | undefined;
  /** Keeps the roles the server last reported (GET /me, joining a school) with the session. */
  setRoles(roles: Role[]): void;
}

export interface AuthDeps {
  kv: KeyValue;
  code: () => Promise<string>;
  login: (code: string) => Promise<LoginResponse>;
  now?: () => number;
}

const EXPIRY_MARGIN_MS = 60_000;

export function createAuth({ kv, code, login, now = Date.now }: AuthDeps): Auth {
  let pending: Promise<Session> | null = null;

  const valid = (s: Session | undefined): s is Session =>
    !!s && !!s.token && new Date(s.expiresAt).getTime() - EXPIRY_MARGIN_MS > now();

  const fresh = (): Promise<Session> => {
    if (pending) return pending;
    const run = (async () => {
      const answer = await login(await code());
      const session: Session = {
        token: answer.token,
        userId: answer.userId,
        expiresAt: answer.expiresAt,
        roles: answer.roles,
      };
      kv.set(KEYS.session, session);
      return session;
    })();
    // One login at a time; cleared once it settles (after the assignment, whatever the timing).
    const shared: Promise<Session> = run.finally(() => {
      if (pending === shared) pending = null;
    });
    pending = shared;
    return shared;
  };

  const auth: Auth = {
    current: () => {
      const s = kv.get<Session>(KEYS.session);
      return valid(s) ? s : undefined;
    },
    async session() {
      return auth.current() ?? fresh();
    },
    clear() {
      kv.remove(KEYS.session);
    },
    setRoles(roles) {
      const s = auth.current();
      if (s) kv.set(KEYS.session, { ...s, roles });
    },
    async withToken(call) {
      const first = await auth.session();
      try {
        return await call(first.token);
      } catch (error) {
        if (!isApiError(error) || error.status !== 401) throw error;
        auth.clear();
        const second = await fresh();
        return call(second.token);
      }
    },
  };
  return auth;
}

export const auth = createAuth({
  kv: taroKv,
  code: async () => {
    try {
      return await loginCode();
    } catch (error) {
      throw new NetworkError(error);
    }
  },
  login: (code) => request<LoginResponse>({ method: 'POST', path: '/auth/login', body: { code } }),
});
