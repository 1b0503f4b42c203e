import { ACTIVITY_KIND_LABELS } from '../../../shared/schemas/activity';
import { dayjs, formatSessionTime, inZone } from '../../../shared/time';
import type { MessageKind } from '../../../shared/schemas/records';
import type { ActivityChange, ActivityRecord, Place } from '../../../shared/schemas/activity';
import type { SignupRecord } from '../../../shared/schemas/signup';
import { isHeld, placeOf, sessionsOf, startOf, unnoticedChanges } from '../activities/sessions';

/** Tries before a message is given up, with a record of why. */
export const MAX_SEND_ATTEMPTS = 5;

/** WeChat's answer that the user refused (or never accepted) the template: stop sending it to them. */
export const WECHAT_REFUSED = 43101;

export function retryDelayMs(attempt: number): number {
  return Math.min(3600_000, 60_000 * 2 ** attempt);
}

const HOUR = 3600_000;

type ReminderKind = 'reminder-24h' | 'reminder-2h' | 'session-reminder';

/**
 * When each reminder is owed: from `opens` until `closes` before its class starts. The first class has two (the
 * day before, and two hours before); each later class of a term one, the day before: a weekly class is routine,
 * and each message uses one of the person's one-time grants (WeChat's 一次性订阅), so a grant goes further.
 */
export const REMINDER_WINDOWS: Record<ReminderKind, { opens: number; closes: number }> = {
  'reminder-24h': { opens: 24 * HOUR, closes: 2 * HOUR },
  'reminder-2h': { opens: 2 * HOUR, closes: 0 },
  'session-reminder': { opens: 24 * HOUR, closes: 0 },
};

const FIRST_CLASS: ReminderKind[] = ['reminder-24h', 'reminder-2h'];
const LATER_CLASS: ReminderKind[] = ['session-reminder'];

/** The people a change or a cancellation is told to: everyone who holds or waits for a place. */
const AFFECTED: ReadonlyArray<SignupRecord['status']> = ['confirmed', 'waitlisted', 'applied', 'offered'];

/** A message owed to a sign-up: its kind, and what it is about when the kind is owed more than once. */
export interface Owed {
  kind: MessageKind;
  about?: string;
}

/** `about` of a class's reminder: `s3` is the class of index 3 (第4次课). The first class's have none. */
export const sessionAbout = (index: number): string => `s${index}`;

/** `about` of a change's message: the class it is about (`all` for the whole activity) and its number. */
export const changeAbout = (change: Pick<ActivityChange, 'seq' | 'session'>): string =>
  `${change.session === null ? 'all' : sessionAbout(change.session)}#c${change.seq}`;

/** The class a reminder is about: `s3` → 3; the first class's reminders name none. */
function sessionIndexOf(about: string | undefined): number {
  const match = /^s(\d+)/.exec(about ?? '');
  return match ? Number(match[1]) : 0;
}

/** The change a message is about (`…#c7` → 7), while the activity still keeps it. */
function changeOf(activity: ActivityRecord, about: string | undefined): ActivityChange | undefined {
  const match = /#c(\d+)$/.exec(about ?? '');
  return match ? activity.changes.find((c) => c.seq === Number(match[1])) : undefined;
}

/** One reminder of one class: when its window opens and closes. */
export interface ReminderSlot extends Owed {
  kind: ReminderKind;
  session: number;
  from: number;
  until: number;
}

/** Every reminder an activity's seats are owed: each class still held, its own (none once cancelled). */
export function reminderSlots(activity: ActivityRecord): ReminderSlot[] {
  if (activity.cancelled) return [];
  return sessionsOf(activity).flatMap((session, index) => {
    if (!isHeld(session)) return [];
    const start = startOf(session);
    return (index === 0 ? FIRST_CLASS : LATER_CLASS).map((kind) => ({
      kind,
      ...(index === 0 ? {} : { about: sessionAbout(index) }),
      session: index,
      from: start - REMINDER_WINDOWS[kind].opens,
      until: start - REMINDER_WINDOWS[kind].closes,
    }));
  });
}

/** The instants a reminder window opens and closes, at its class's time now; null once the class is cancelled. */
export function reminderWindow(
  activity: ActivityRecord,
  kind: ReminderKind,
  about?: string,
): { from: number; until: number } | null {
  const index = sessionIndexOf(about);
  const slot = reminderSlots(activity).find((s) => s.kind === kind && s.session === index);
  return slot ? { from: slot.from, until: slot.until } : null;
}

/**
 * How long before a reminder window opens a seat confirmed then queues the reminder itself (to go when the window
 * opens). The worker's sweep at the opening lists the seats held when it runs; a seat whose transaction began
 * before the opening but committed after that listing would otherwise be missed. Longer than any function's
 * timeout, so no transaction straddles it.
 */
export const SWEEP_SLACK_MS = 10 * 60_000;

const kindOfChange = (change: ActivityChange): MessageKind =>
  change.what.includes('cancelled') ? 'session-cancelled' : 'session-changed';

/** The messages a sign-up is owed at this moment; the outbox keeps each from being sent twice. */
export function dueMessages(activity: ActivityRecord, signup: SignupRecord, now: number): Owed[] {
  const owed: Owed[] = [];
  if (activity.cancelled) {
    if (AFFECTED.includes(signup.status)) owed.push({ kind: 'activity-cancelled' });
    return owed;
  }
  if (AFFECTED.includes(signup.status)) {
    // A change is told to those signed up when it was made; a later sign-up saw the new times.
    for (const change of unnoticedChanges(activity)) {
      if (dayjs(signup.createdAt).valueOf() <= dayjs(change.at).valueOf())
        owed.push({ kind: kindOfChange(change), about: changeAbout(change) });
    }
  }
  if (signup.status === 'confirmed') {
    for (const slot of reminderSlots(activity)) {
      if (now >= slot.from && now < slot.until)
        owed.push({ kind: slot.kind, ...(slot.about ? { about: slot.about } : {}) });
    }
    if (signup.promotedAt) owed.push({ kind: 'seat-confirmed' });
  }
  if (signup.status === 'offered') owed.push({ kind: 'offer' });
  if (activity.drawnAt && signup.drawnAt && ['confirmed', 'waitlisted'].includes(signup.status)) {
    owed.push({ kind: 'lottery-result' });
  }
  return owed;
}

/**
 * The reminders a seat confirmed at `now` queues in its own transaction, each with when it may go: the one whose
 * window is open, and one whose window opens within SWEEP_SLACK_MS (it waits for the opening). Seats held
 * earlier get theirs from the worker's sweep when the window opens.
 */
export function remindersOnConfirm(
  activity: ActivityRecord,
  now: number,
): Array<{ kind: ReminderKind; about?: string; at: number }> {
  return reminderSlots(activity).flatMap((slot) =>
    now < slot.until && now >= slot.from - SWEEP_SLACK_MS
      ? [{ kind: slot.kind, ...(slot.about ? { about: slot.about } : {}), at: Math.max(now, slot.from) }]
      : [],
  );
}

const asOwed = (message: MessageKind | Owed): Owed =>
  typeof message === 'string' ? { kind: message } : message;

/**
 * Whether a queued message still goes out when its turn comes: what changed since it was queued may have made it
 * moot (a seat given up before its reminder, an offer already taken, a class cancelled before its reminder or
 * its change's notice) or early (a lottery's result before the draw has finished writing, a reminder whose class
 * was moved later).
 */
export function deliveryVerdict(
  message: MessageKind | Owed,
  activity: ActivityRecord,
  signup: SignupRecord,
  now: number,
): 'send' | 'drop' | { waitUntil: number } {
  const { kind, about } = asOwed(message);
  switch (kind) {
    case 'reminder-24h':
    case 'reminder-2h':
    case 'session-reminder': {
      if (activity.cancelled || signup.status !== 'confirmed') return 'drop';
      const window = reminderWindow(activity, kind, about);
      if (!window) return 'drop';
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
    case 'session-changed':
    case 'session-cancelled': {
      // A cancelled activity's own notice says all; a change of a class since cancelled, or begun, is moot.
      const change = changeOf(activity, about);
      if (activity.cancelled || !change || !AFFECTED.includes(signup.status)) return 'drop';
      const session = change.session === null ? undefined : sessionsOf(activity)[change.session];
      if (kind === 'session-changed' && session && (!isHeld(session) || now >= startOf(session)))
        return 'drop';
      return 'send';
    }
  }
}

function clip(text: string, max = 20): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

const placeText = (place: Place) => `${place.township}${place.village ?? ''} ${place.address}`;
const dayAndTime = (iso: string) => inZone(iso).format('M月D日 HH:mm');

/** What a change's message says: 第3次课改到12月20日 14:00 / 地点改为… / 12月20日的课停课：原因. */
function changeText(activity: ActivityRecord, change: ActivityChange | undefined): string {
  const sessions = sessionsOf(activity);
  const session = change?.session === null || !change ? undefined : sessions[change.session];
  if (change?.what.includes('cancelled')) {
    return `${session ? inZone(session.startsAt).format('M月D日') : ''}的课停课：${session?.cancelReason ?? ''}`;
  }
  const which =
    sessions.length <= 1 ? '' : change?.session === null || !change ? '上课' : `第${change.session + 1}次课`;
  const time = change?.what.includes('time');
  const place = change?.what.includes('place');
  if (time && place) return `${which}时间和地点有变`;
  if (time) return `${which}改到${dayAndTime((session ?? sessions[0] ?? activity).startsAt)}`;
  return `${which}地点改为${placeText(placeOf(activity, session))}`;
}

/**
 * The template's fields (thing ≤ 20 characters, as WeChat requires) and the page the message opens. The time and
 * place are those of the class the message is about, as they are when it is sent (after a class was moved, the
 * new ones); a change of the whole activity shows its next class still to come after `now`.
 */
export function messageContent(
  message: MessageKind | Owed,
  activity: ActivityRecord,
  signup: SignupRecord,
  now = 0,
) {
  const { kind, about } = asOwed(message);
  const sessions = sessionsOf(activity);
  const change = changeOf(activity, about);
  const index =
    kind === 'session-changed' || kind === 'session-cancelled'
      ? (change?.session ?? sessions.findIndex((s) => isHeld(s) && startOf(s) > now))
      : sessionIndexOf(about);
  const session = sessions[index] ?? sessions[0];
  const status: Record<MessageKind, string> = {
    'reminder-24h': '明天开课，请准时参加',
    'reminder-2h': '两小时后开始，请准时到场',
    'session-reminder': `第${index + 1}次课就要到了，请准时参加`,
    'seat-confirmed': '候补成功，已为您确认名额',
    'lottery-result': signup.status === 'confirmed' ? '摇号中签，报名成功' : '未中签，已进入候补',
    offer: `有名额空出，请在${signup.offerExpiresAt ? formatSessionTime(signup.offerExpiresAt) : '时限'}前确认`,
    'activity-cancelled': `活动已取消：${activity.cancelReason ?? ''}`,
    'session-changed': changeText(activity, change),
    'session-cancelled': changeText(activity, change),
  };
  return {
    page: `packages/mine/pages/signup/index?id=${signup.id}`,
    data: {
      thing1: { value: clip(activity.title) },
      time2: { value: inZone(session?.startsAt ?? activity.startsAt).format('YYYY年M月D日 HH:mm') },
      thing3: { value: clip(placeText(placeOf(activity, session))) },
      thing4: { value: clip(signup.attendee.name, 10) },
      phrase5: { value: clip(status[kind], 20) },
      thing6: { value: ACTIVITY_KIND_LABELS[activity.kind] },
    },
  };
}
