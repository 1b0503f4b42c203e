import { ROUTES } from '../../shared/routes';
import { verifyCompletion } from '../domain/attendance/attendance';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['GET /completions/{code}'], async (req) =>
  ok(await verifyCompletion(stores, req.params.code)),
);
