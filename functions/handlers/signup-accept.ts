import { ROUTES } from '../../shared/routes';
import { acceptOffer } from '../domain/signups/signups';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

export const handler = httpHandler(ROUTES['POST /signups/{id}/accept'], async ({ caller, params }) =>
  ok(await acceptOffer(stores, caller, params.id)),
);
