import type { Caller } from '../domain/access';
import type { UserStore } from '../domain/ports';
import { requireCaller, type HttpRequest } from './http';

/** Staff actions trust the table, not the token: a role withdrawn today stops working today. */
export async function staffCaller(req: HttpRequest, users: UserStore): Promise<Caller> {
  const caller = requireCaller(req);
  const user = await users.get(caller.userId);
  return { userId: caller.userId, roles: user?.roles ?? [] };
}
