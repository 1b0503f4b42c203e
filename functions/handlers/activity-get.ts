import { ROUTES } from '../../shared/routes';
import { getActivity } from '../domain/activities/activities';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['GET /activities/{id}'], async (req) =>
  ok(await getActivity(stores, req.params.id)),
);
