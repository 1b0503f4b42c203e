import { env } from '../lib/env';
import { httpHandler, ok, requireCaller } from '../lib/http';
import { stores } from '../store';

/** The templates the app should ask for, and how many messages of each the user has granted. */
export const handler = httpHandler(async (req) => {
  const caller = requireCaller(req);
  return ok({
    templates: env().wechat.templates,
    balance: await stores.subscriptions.balance(caller.userId),
  });
});
