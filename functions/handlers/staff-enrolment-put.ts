import { ROUTES } from '../../shared/routes';
import { setEnrolment } from '../domain/attendance/attendance';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['PUT /staff/schools/{id}/enrolment'],
  async ({ caller, params, body }) => ok(await setEnrolment(stores, caller, params.id, body)),
  { users: stores.users },
);
