import { ROUTES } from '../../shared/routes';
import { closeAccount } from '../domain/people/account';
import { httpHandler, ok } from '../lib/http';
import { forgetAccount, stores } from '../store';

export const handler = httpHandler(ROUTES['DELETE /me'], async ({ caller }) => {
  const closed = await closeAccount(stores, caller);
  forgetAccount(caller.userId);
  return ok(closed);
});
