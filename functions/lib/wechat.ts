import { DomainError } from '../domain/errors';
import { log } from './log';

export interface WechatConfig {
  appId?: string;
  appSecret?: string;
  apiBase: string;
}

/**
 * Exchanges a `wx.login` code for the user's openid. The session_key stays here: it is never stored
 * or sent to the phone, because we need nothing it decrypts.
 */
export async function code2Session(config: WechatConfig, code: string): Promise<{ openId: string }> {
  if (!config.appId || !config.appSecret) throw new DomainError('WECHAT_UNAVAILABLE');
  const url = new URL('/sns/jscode2session', config.apiBase);
  url.search = new URLSearchParams({
    appid: config.appId,
    secret: config.appSecret,
    js_code: code,
    grant_type: 'authorization_code',
  }).toString();
  let data: { openid?: string; errcode?: number; errmsg?: string };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    data = (await res.json()) as typeof data;
  } catch (err) {
    log.warn('code2Session unreachable', { error: String(err) });
    throw new DomainError('WECHAT_UNAVAILABLE');
  }
  if (data.openid && !data.errcode) return { openId: data.openid };
  log.warn('code2Session refused', { errcode: data.errcode });
  // 40029 invalid code, 40163 code used, 40226 blocked user: the phone must log in again.
  if (data.errcode === -1 || data.errcode === 45011) throw new DomainError('WECHAT_UNAVAILABLE');
  throw new DomainError('INVALID_LOGIN_CODE');
}
