import type { LoginResponse } from '../../shared/api';
import type { Activity } from '../../shared/schemas/activity';
import type { Page } from '../../shared/schemas/common';
import type { Attendee, Signup, SignupWithActivity } from '../../shared/schemas/signup';

/** The API as a browser test reaches it directly: to arrange data and to check what the app did. */
export function apiClient(apiUrl: string) {
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // A refusal may come without a JSON body (a 204, a gateway error): the status still tells.
    return { status: res.status, body: (await res.json().catch(() => null)) as T };
  };
  return {
    /** Any route, as the holder of `token`. */
    authed<T>(method: string, path: string, token: string, body?: unknown) {
      return call<T>(method, path, body, token);
    },
    async login(code: string): Promise<string> {
      const res = await call<LoginResponse>('POST', '/auth/login', { code });
      if (res.status !== 200) throw new Error(`login ${code}: ${res.status}`);
      return res.body.token;
    },
    async activities(query: string): Promise<Activity[]> {
      const res = await call<Page<Activity>>('GET', `/activities?${query}`);
      if (res.status !== 200) throw new Error(`activities: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.items;
    },
    async activity(id: string): Promise<Activity> {
      return (await call<Activity>('GET', `/activities/${id}`)).body;
    },
    async signUp(token: string, activityId: string, attendee: Attendee) {
      return call<Signup>('POST', '/signups', { activityId, attendee }, token);
    },
    async mine(token: string): Promise<SignupWithActivity[]> {
      const res = await call<Page<SignupWithActivity>>('GET', '/signups/mine', undefined, token);
      if (res.status !== 200) throw new Error(`mine: ${res.status}`);
      return res.body.items;
    },
    async cancel(token: string, id: string) {
      return call<Signup>('DELETE', `/signups/${id}`, undefined, token);
    },
    async get<T>(path: string): Promise<T> {
      const res = await call<T>('GET', path);
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
  };
}
