import { DomainError } from '../domain/errors';
import { drawView } from '../domain/lottery';
import { httpHandler, ok, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => {
  const activity = await stores.activities.get(pathId(req));
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  return ok(await drawView(stores, activity), 'revalidate');
});
