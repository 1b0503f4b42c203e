import { ROUTES } from '../../shared/routes';
import { DomainError } from '../domain/errors';
import { drawView } from '../domain/signups/lottery';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['GET /activities/{id}/draw'], async (req) => {
  const activity = await stores.activities.get(req.params.id);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  return ok(await drawView(stores, activity));
});
