import { ROUTES } from '../../shared/routes';
import { invitationScene } from '../domain/people/people';
import { env } from '../lib/env';
import { httpHandler, ok } from '../lib/http';
import { unlimitedWxacode } from '../lib/wechat';
import { stores } from '../store';

/** WeChat's build names, by the subscribe messages' state names the stage is configured with. */
const ENV_VERSION: Record<string, string> = { formal: 'release', trial: 'trial', developer: 'develop' };

export const handler = httpHandler(
  ROUTES['POST /staff/invitations/{id}/wxacode'],
  async ({ caller, params, body }) => {
    const request = await invitationScene(stores, caller, params.id, body.code);
    const { wechat } = env();
    const png = await unlimitedWxacode(
      { ...wechat, envVersion: ENV_VERSION[wechat.miniprogramState] ?? 'release' },
      request,
    );
    return ok({ image: png.toString('base64'), mimeType: 'image/png' as const });
  },
  { users: stores.users },
);
