import { getActivity } from '../domain/activities';
import { httpHandler, ok, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => ok(await getActivity(stores, pathId(req)), 'revalidate'));
