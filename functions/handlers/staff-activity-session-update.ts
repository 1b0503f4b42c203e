import { ROUTES } from '../../shared/routes';
import { reviseSession } from '../domain/activities/activities';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['PATCH /staff/activities/{id}/sessions/{index}'],
  async ({ caller, params, body }) =>
    ok(await reviseSession(stores, caller, params.id, Number(params.index), body)),
  { users: stores.users },
);
