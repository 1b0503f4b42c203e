import { ROUTES } from '../../shared/routes';
import { exportMyData } from '../domain/people/account';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['GET /me/export'], async ({ caller }) =>
  ok(await exportMyData(stores, caller)),
);
