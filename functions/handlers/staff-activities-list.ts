import { listManagedActivities } from '../domain/activities';
import { staffCaller } from '../lib/caller';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) =>
  ok(await listManagedActivities(stores, await staffCaller(req, stores.users))),
);
