import { SubscriptionsInputSchema } from '../../shared/schemas/staff';
import { DomainError } from '../domain/errors';
import { env } from '../lib/env';
import { httpHandler, jsonBody, ok, parse, requireCaller } from '../lib/http';
import { stores } from '../store';

/** Records the templates the user accepted at the sign-up tap (wx.requestSubscribeMessage). */
export const handler = httpHandler(async (req) => {
  const caller = requireCaller(req);
  const { accepted } = parse(SubscriptionsInputSchema, jsonBody(req));
  const known = new Set(Object.values(env().wechat.templates));
  const unknown = accepted.filter((t) => !known.has(t));
  if (unknown.length > 0)
    throw new DomainError('VALIDATION_FAILED', {
      fields: [{ field: 'accepted', message: '包含未知的消息模板' }],
    });
  await stores.subscriptions.accept(caller.userId, [...new Set(accepted)]);
  return ok({
    templates: env().wechat.templates,
    balance: await stores.subscriptions.balance(caller.userId),
  });
});
