import { ACTIVITY_KIND_LABELS } from '../../../shared/schemas/activity';
import { dayjs, formatSessionTime, inZone } from '../../../shared/time';
import type { MessageKind } from '../../../shared/schemas/records';
import type { ActivityRecord } from '../../../shared/schemas/activity';
import type { SignupRecord } from '../../../shared/schemas/signup';

/** Tries before a message is given up, with a record of why. */
export const MAX_SEND_ATTEMPTS = 5;

/** WeChat's answer that the user refused (or never accepted) the template: stop sending it to them. */
export const WECHAT_REFUSED = 43101;

export function retryDelayMs(attempt: number): number {
  return Math.min(3600_000, 60_000 * 2 ** attempt);
}

const HOUR = 3600_000;

type ReminderKind = 'reminder-24h' | 'reminder-2h';

/** When each reminder is owed: from `opens` until `closes` before the activity starts. */
export const REMINDER_WINDOWS: Record<ReminderKind, { opens: number; closes: number }> = {
  'reminder-24h': { opens: 24 * HOUR, closes: 2 * HOUR },
  'reminder-2h': { opens: 2 * HOUR, closes: 0 },
};

const REMINDERS = Object.keys(REMINDER_WINDOWS) as ReminderKind[];

/** The instants a reminder window opens and closes for this activity. */
export function reminderWindow(
  activity: ActivityRecord,
  kind: ReminderKind,
): { from: number; until: number } {
  const start = dayjs(activity.startsAt).valueOf();
  const window = REMINDER_WINDOWS[kind];
  return { from: start - window.opens, until: start - window.closes };
}

/**
 * How long before a reminder window opens a seat confirmed then queues the reminder itself (to go when the window
 * opens). The worker's sweep at the opening lists the seats held when it runs; a seat whose transaction began
 * before the opening but committed after that listing would otherwise be missed. Longer than any function's
 * timeout, so no transaction straddles it.
 */
export const SWEEP_SLACK_MS = 10 * 60_000;

/** The messages a sign-up is owed at this moment; the outbox keeps each from being sent twice. */
export function dueMessages(activity: ActivityRecord, signup: SignupRecord, now: number): MessageKind[] {
  const kinds: MessageKind[] = [];
  if (activity.cancelled) {
    if (['confirmed', 'waitlisted', 'applied', 'offered'].includes(signup.status))
      kinds.push('activity-cancelled');
    return kinds;
  }
  if (signup.status === 'confirmed') {
    for (const kind of REMINDERS) {
      const window = reminderWindow(activity, kind);
      if (now >= window.from && now < window.until) kinds.push(kind);
    }
    if (signup.promotedAt) kinds.push('seat-confirmed');
  }
  if (signup.status === 'offered') kinds.push('offer');
  if (activity.drawnAt && signup.drawnAt && ['confirmed', 'waitlisted'].includes(signup.status)) {
    kinds.push('lottery-result');
  }
  return kinds;
}

/**
 * The reminders a seat confirmed at `now` queues in its own transaction, each with when it may go: the one whose
 * window is open, and one whose window opens within SWEEP_SLACK_MS (it waits for the opening). Seats held
 * earlier get theirs from the worker's sweep when the window opens.
 */
export function remindersOnConfirm(
  activity: ActivityRecord,
  now: number,
): Array<{ kind: ReminderKind; at: number }> {
  if (activity.cancelled) return [];
  return REMINDERS.flatMap((kind) => {
    const window = reminderWindow(activity, kind);
    return now < window.until && now >= window.from - SWEEP_SLACK_MS
      ? [{ kind, at: Math.max(now, window.from) }]
      : [];
  });
}

/**
 * Whether a queued message still goes out when its turn comes: what changed since it was queued may have made it
 * moot (a seat given up before its reminder, an offer already taken) or early (a lottery's result before the
 * draw has finished writing, a reminder whose class was moved later).
 */
export function deliveryVerdict(
  kind: MessageKind,
  activity: ActivityRecord,
  signup: SignupRecord,
  now: number,
): 'send' | 'drop' | { waitUntil: number } {
  switch (kind) {
    case 'reminder-24h':
    case 'reminder-2h': {
      if (activity.cancelled || signup.status !== 'confirmed') return 'drop';
      const window = reminderWindow(activity, kind);
      return now < window.from ? { waitUntil: window.from } : 'send';
    }
    case 'seat-confirmed':
      return signup.status === 'confirmed' ? 'send' : 'drop';
    case 'offer':
      return signup.status === 'offered' ? 'send' : 'drop';
    case 'lottery-result':
      if (!['confirmed', 'waitlisted'].includes(signup.status)) return 'drop';
      // Written with each sign-up's result; the result is told once every result is written.
      return activity.drawnAt ? 'send' : { waitUntil: now + 60_000 };
    case 'activity-cancelled':
      return 'send';
  }
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
