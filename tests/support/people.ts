import { expect } from '@jest/globals';
import type { handlerApi } from './api';

type Api = ReturnType<typeof handlerApi>;

/** People made through the routes (stage local): logging in with `dev:<name>`, and joining a school by invitation. */
export function people(api: Api) {
  /** Logs a person in, which creates them with their 用户编号. */
  async function login(name: string): Promise<{ user: string }> {
    const res = await api.call('POST', '/auth/login', { body: { code: `dev:${name}` } });
    expect(res.status).toBe(200);
    return { user: name };
  }

  /** `by` invites and `name` redeems: `name` becomes `role` at the school. */
  async function join(
    by: { user: string },
    name: string,
    schoolId: string,
    role: 'teacher' | 'school-admin',
  ): Promise<{ user: string }> {
    const made = await api.call('POST', '/staff/invitations', {
      ...by,
      body: { schoolId, role, note: '测试' },
    });
    expect(made.status).toBe(201);
    const who = await login(name);
    const redeemed = await api.call('POST', '/invitations/redeem', {
      ...who,
      body: { code: made.body.code },
    });
    expect(redeemed.status).toBe(200);
    return who;
  }

  return { login, join };
}
