import Taro from '@tarojs/taro';
import { auth } from '@/services';
import { request } from '@/services/request';

interface Subscriptions {
  templates: Record<string, string>;
  balance?: unknown;
}

let templateIds: string[] = [];

/**
 * Loads the template ids when a page that may ask opens (WeChat only shows its dialog when asked straight from a
 * tap), and answers how many reminders the user's grants still allow: each acceptance of a one-time
 * subscription lets one message through.
 */
export async function prepareReminders(): Promise<number> {
  try {
    const s = await auth.withToken((token) => request<Subscriptions>({ path: '/me/subscriptions', token }));
    templateIds = Object.values(s.templates ?? {})
      .filter(Boolean)
      .slice(0, 5);
    const reminder = s.templates?.reminder;
    const balance = (s.balance ?? {}) as Record<string, number>;
    return reminder ? (balance[reminder] ?? 0) : 0;
  } catch {
    return 0;
  }
}

/** Called from the 提交报名 tap: asks for the reminder templates and records those the user accepted. */
export async function askForReminders(): Promise<void> {
  if (!templateIds.length) return;
  try {
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: templateIds,
      entityIds: [],
    } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    const accepted = templateIds.filter((id) => answer[id] === 'accept');
    if (!accepted.length) return;
    await auth.withToken((token) =>
      request<unknown>({ method: 'POST', path: '/me/subscriptions', body: { accepted }, token }),
    );
  } catch {
    // Refused or unsupported: the sign-up goes ahead without reminders.
  }
}
