import { AuditQuerySchema } from '../../shared/schemas/staff';
import { isAdmin } from '../domain/access';
import { DomainError } from '../domain/errors';
import { staffCaller } from '../lib/caller';
import { httpHandler, ok, parse } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  async (req) => {
    const caller = await staffCaller(req, stores.users);
    if (!isAdmin(caller))
      throw new DomainError('FORBIDDEN', { message: '只有市教育局管理员可以查看操作记录' });
    const { cursor, limit } = parse(AuditQuerySchema, req.query, 'INVALID_QUERY');
    return ok(await stores.audit.list(cursor, limit ?? 50));
  },
  { query: true },
);
