import { ROUTES } from '../../shared/routes';
import { env } from '../lib/env';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

/** The templates the app should ask for, and how many messages of each the user has granted. */
export const handler = httpHandler(ROUTES['GET /me/subscriptions'], async ({ caller }) =>
  ok({ templates: env().wechat.templates, balance: await stores.subscriptions.balance(caller.userId) }),
);
