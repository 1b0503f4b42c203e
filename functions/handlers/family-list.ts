import { ROUTES } from '../../shared/routes';
import { listFamily } from '../domain/family/family';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['GET /family-members'], async ({ caller }) =>
  ok({ items: await listFamily(stores, caller), nextCursor: null }),
);
