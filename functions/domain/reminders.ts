import { ACTIVITY_KIND_LABELS } from '../../shared/schemas/activity';
import { dayjs, formatSessionTime, inZone } from '../../shared/time';
import type { MessageKind } from './messages';
import type { ActivityRecord, SignupRecord } from './ports';

/** Tries before a message is given up, with a record of why. */
export const MAX_SEND_ATTEMPTS = 5;

/** WeChat's answer that the user refused (or never accepted) the template: stop sending it to them. */
export const WECHAT_REFUSED = 43101;

export function retryDelayMs(attempt: number): number {
  return Math.min(3600_000, 60_000 * 2 ** attempt);
}

const HOUR = 3600_000;

/** The messages a sign-up is owed at this moment; the outbox keeps each from being sent twice. */
export function dueMessages(activity: ActivityRecord, signup: SignupRecord, now: number): MessageKind[] {
  const kinds: MessageKind[] = [];
  if (activity.cancelled) {
    if (['confirmed', 'waitlisted', 'applied', 'offered'].includes(signup.status))
      kinds.push('activity-cancelled');
    return kinds;
  }
  const start = dayjs(activity.startsAt).valueOf();
  if (signup.status === 'confirmed') {
    if (now >= start - 24 * HOUR && now < start - 2 * HOUR) kinds.push('reminder-24h');
    if (now >= start - 2 * HOUR && now < start) kinds.push('reminder-2h');
    if ((signup as { promotedAt?: string }).promotedAt) kinds.push('seat-confirmed');
  }
  if (signup.status === 'offered') kinds.push('offer');
  if (
    activity.drawnAt &&
    (signup as { drawnAt?: string }).drawnAt &&
    ['confirmed', 'waitlisted'].includes(signup.status)
  ) {
    kinds.push('lottery-result');
  }
  return kinds;
}

function clip(text: string, max = 20): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** The template's fields (thing ≤ 20 characters, as WeChat requires) and the page the message opens. */
export function messageContent(kind: MessageKind, activity: ActivityRecord, signup: SignupRecord) {
  const status: Record<MessageKind, string> = {
    'reminder-24h': '明天开课，请准时参加',
    'reminder-2h': '两小时后开始，请准时到场',
    'seat-confirmed': '候补成功，已为您确认名额',
    'lottery-result': signup.status === 'confirmed' ? '摇号中签，报名成功' : '未中签，已进入候补',
    offer: `有名额空出，请在${signup.offerExpiresAt ? formatSessionTime(signup.offerExpiresAt) : '时限'}前确认`,
    'activity-cancelled': `活动已取消：${activity.cancelReason ?? ''}`,
  };
  return {
    page: `packages/mine/pages/signup/index?id=${signup.id}`,
    data: {
      thing1: { value: clip(activity.title) },
      time2: { value: inZone(activity.startsAt).format('YYYY年M月D日 HH:mm') },
      thing3: {
        value: clip(`${activity.place.township}${activity.place.village ?? ''} ${activity.place.address}`),
      },
      thing4: { value: clip(signup.attendee.name, 10) },
      phrase5: { value: clip(status[kind], 20) },
      thing6: { value: ACTIVITY_KIND_LABELS[activity.kind] },
    },
  };
}
