import { getSchool } from '../domain/catalog';
import { httpHandler, ok, pathId } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(async (req) => ok(await getSchool(stores.catalog, pathId(req)), 'public'));
