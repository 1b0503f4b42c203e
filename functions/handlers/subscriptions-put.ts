import { ROUTES } from '../../shared/routes';
import { DomainError } from '../domain/errors';
import { env } from '../lib/env';
import { httpHandler, ok } from '../lib/http';
import { stores } from '../store';

/** Records the templates the user accepted at the sign-up tap (wx.requestSubscribeMessage). */
export const handler = httpHandler(ROUTES['POST /me/subscriptions'], async ({ caller, body }) => {
  const known = new Set(Object.values(env().wechat.templates));
  if (body.accepted.some((t) => !known.has(t)))
    throw new DomainError('VALIDATION_FAILED', {
      fields: [{ field: 'accepted', message: '包含未知的消息模板' }],
    });
  await stores.subscriptions.accept(caller.userId, [...new Set(body.accepted)]);
  return ok({
    templates: env().wechat.templates,
    balance: await stores.subscriptions.balance(caller.userId),
  });
});
