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

let cachedToken: { value: string; expiresAt: number; appId: string } | undefined;

/** The server's access token (cgi-bin/token), cached until five minutes before it expires. */
export async function accessToken(config: WechatConfig, now = Date.now()): Promise<string> {
  if (cachedToken && cachedToken.appId === config.appId && cachedToken.expiresAt > now)
    return cachedToken.value;
  if (!config.appId || !config.appSecret) throw new Error('WeChat app id and secret are not configured');
  const url = new URL('/cgi-bin/token', config.apiBase);
  url.search = new URLSearchParams({
    grant_type: 'client_credential',
    appid: config.appId,
    secret: config.appSecret,
  }).toString();
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  const data = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number };
  if (!data.access_token) throw new Error(`access token refused: ${data.errcode ?? res.status}`);
  cachedToken = {
    value: data.access_token,
    expiresAt: now + ((data.expires_in ?? 7200) - 300) * 1000,
    appId: config.appId,
  };
  return data.access_token;
}

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: string;
  lang: 'zh_CN';
}

/** Sends one subscribe message; answers WeChat's errcode (0 on success, -1 when the network failed). */
export async function sendSubscribeMessage(config: WechatConfig, message: SubscribeMessage): Promise<number> {
  try {
    const token = await accessToken(config);
    const url = new URL('/cgi-bin/message/subscribe/send', config.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(5000),
    });
    const data = (await res.json()) as { errcode?: number };
    return data.errcode ?? 0;
  } catch (err) {
    log.warn('subscribe message not sent', { error: String(err) });
    return -1;
  }
}

/**
 * A 小程序码 that opens `page` with `scene` (wxacode.getUnlimited): what WeChat's scanner opens the app with. A
 * plain QR of a page path would only show text. `envVersion` is the build it opens (release, trial, develop).
 * Answers the PNG; a refusal or an unreachable WeChat is WECHAT_UNAVAILABLE (the app then shows the typed code).
 */
export async function unlimitedWxacode(
  config: WechatConfig & { envVersion: string },
  request: { scene: string; page: string },
): Promise<Buffer> {
  try {
    const token = await accessToken(config);
    const url = new URL('/wxa/getwxacodeunlimit', config.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        scene: request.scene,
        page: request.page,
        check_path: false,
        env_version: config.envVersion,
        width: 430,
      }),
      signal: AbortSignal.timeout(8000),
    });
    const body = Buffer.from(await res.arrayBuffer());
    // WeChat answers an image, or JSON with an errcode when it refuses.
    if (res.ok && (res.headers.get('content-type') ?? '').startsWith('image/')) return body;
    log.warn('wxacode refused', { status: res.status, body: body.toString('utf8').slice(0, 200) });
  } catch (err) {
    log.warn('wxacode unreachable', { error: String(err) });
  }
  throw new DomainError('WECHAT_UNAVAILABLE', {
    message: '暂时生成不了小程序码，请让对方在“我的 → 加入学校”输入邀请码',
  });
}

/**
 * The phone number a user chose to share with the getPhoneNumber button (phonenumber.getuserphonenumber). WeChat
 * charges per call (docs/deploy.md). The number is answered, never stored: the form it pre-fills stores it.
 */
export async function userPhoneNumber(config: WechatConfig, code: string): Promise<{ phone: string }> {
  let data: { errcode?: number; phone_info?: { purePhoneNumber?: string; countryCode?: string | number } };
  try {
    const token = await accessToken(config);
    const url = new URL('/wxa/business/getuserphonenumber', config.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      signal: AbortSignal.timeout(5000),
    });
    data = (await res.json()) as typeof data;
  } catch (err) {
    log.warn('getuserphonenumber unreachable', { error: String(err) });
    throw new DomainError('WECHAT_UNAVAILABLE', { message: '暂时取不到微信手机号，请直接输入手机号' });
  }
  const phone = data.phone_info?.purePhoneNumber;
  if (!data.errcode && phone) return { phone };
  log.warn('getuserphonenumber refused', { errcode: data.errcode });
  // 40029: the code is invalid or was used; -1 and 45011: WeChat is busy.
  if (data.errcode === -1 || data.errcode === 45011) {
    throw new DomainError('WECHAT_UNAVAILABLE', { message: '暂时取不到微信手机号，请直接输入手机号' });
  }
  throw new DomainError('INVALID_PHONE_CODE');
}
