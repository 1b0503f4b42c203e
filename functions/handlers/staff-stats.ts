import { ROUTES } from '../../shared/routes';
import { currentYearInZone } from '../../shared/time';
import { trainingStats } from '../domain/attendance/attendance';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  ROUTES['GET /staff/stats'],
  async ({ caller, query }) => ok(await trainingStats(stores, caller, query.year ?? currentYearInZone())),
  { users: stores.users },
);
