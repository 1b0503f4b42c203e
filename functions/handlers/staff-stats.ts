import { StatsQuerySchema } from '../../shared/schemas/staff';
import { currentYearInZone } from '../../shared/time';
import { trainingStats } from '../domain/attendance';
import { staffCaller } from '../lib/caller';
import { httpHandler, ok, parse } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(
  async (req) => {
    const caller = await staffCaller(req, stores.users);
    const { year } = parse(StatsQuerySchema, req.query, 'INVALID_QUERY');
    return ok(await trainingStats(stores, caller, year ?? currentYearInZone()));
  },
  { query: true },
);
