import { toIso } from '../../../shared/time';
import type { ActivityRecord } from '../../../shared/schemas/activity';
import type { Clock } from '../clock';
import type { OutboxMessage } from '../../../shared/schemas/records';
import type { OutboxStore, SubscriptionStore } from './ports';
import type { SignupRecord } from '../../../shared/schemas/signup';
import type { SignupStore } from '../signups/ports';
import type { UserStore } from '../people/ports';
import type { MessageKind } from '../../../shared/schemas/records';
import { SWEPT_KINDS, TEMPLATE_OF } from './messages';
import {
  MAX_SEND_ATTEMPTS,
  WECHAT_REFUSED,
  deliveryVerdict,
  dueMessages,
  messageContent,
  remindersOnConfirm,
  retryDelayMs,
} from './reminders';

export interface NotifyDeps {
  signups: SignupStore;
  outbox: OutboxStore;
  subscriptions: SubscriptionStore;
  users: UserStore;
  clock: Clock;
}

export interface Messenger {
  templates: Record<'reminder' | 'result' | 'cancelled', string>;
  /** Sends one message; answers WeChat's errcode (0 is success). */
  send(message: {
    touser: string;
    template_id: string;
    page: string;
    data: Record<string, { value: string }>;
  }): Promise<number>;
  /** Who a user is on WeChat; null when the user never logged in through WeChat. */
  recipient(user: { id: string; openId?: string }): string | null;
}

type Addressee = Pick<SignupRecord, 'id' | 'userId' | 'activityId'>;

/**
 * An outbox message for one sign-up, to go from `at` (at once unless it waits for a reminder window); `about`
 * names its class or change when its kind is owed more than once (it is part of the message's id).
 */
export function outboxMessage(
  kind: MessageKind,
  signup: Addressee,
  now: number,
  at = now,
  about?: string,
): OutboxMessage {
  return {
    signupId: signup.id,
    kind,
    ...(about ? { about } : {}),
    userId: signup.userId,
    activityId: signup.activityId,
    template: TEMPLATE_OF[kind],
    status: 'pending',
    attempts: 0,
    nextAttemptAt: toIso(at),
    createdAt: toIso(now),
  };
}

/** What a seat confirmed at `now` queues with itself: the reminder of a window open then (remindersOnConfirm). */
export function seatMessages(activity: ActivityRecord, signup: Addressee, now: number): OutboxMessage[] {
  return remindersOnConfirm(activity, now).map((r) => outboxMessage(r.kind, signup, now, r.at, r.about));
}

/**
 * What a person moved up from the waitlist is told, in the promotion's transaction: the seat is theirs (with its
 * reminder), or it is offered until a deadline. Taking an offered seat later tells them the seat is theirs.
 */
export function promotionMessages(
  activity: ActivityRecord,
  signup: Addressee,
  as: 'confirmed' | 'offered',
  now: number,
): OutboxMessage[] {
  if (as === 'offered') return [outboxMessage('offer', signup, now)];
  return [outboxMessage('seat-confirmed', signup, now), ...seatMessages(activity, signup, now)];
}

/** A lottery's result, written with the applicant's drawn status: 中签 (with the seat's reminder) or 候补. */
export function drawMessages(
  activity: ActivityRecord,
  signup: Addressee,
  status: 'confirmed' | 'waitlisted',
  now: number,
): OutboxMessage[] {
  return [
    outboxMessage('lottery-result', signup, now),
    ...(status === 'confirmed' ? seatMessages(activity, signup, now) : []),
  ];
}

/**
 * The worker's part: puts into the outbox what an activity's sign-ups are owed at this moment of the kinds that
 * come with time (SWEPT_KINDS: the reminders of an open window, the notice of a cancellation or of a class
 * moved or cancelled), at most once each.
 */
export async function enqueueSwept(deps: NotifyDeps, activity: ActivityRecord): Promise<number> {
  const now = deps.clock.now();
  let added = 0;
  for (const signup of await deps.signups.listForActivity(activity.id)) {
    for (const { kind, about } of dueMessages(activity, signup, now)) {
      if (SWEPT_KINDS.has(kind) && (await deps.outbox.enqueue(outboxMessage(kind, signup, now, now, about))))
        added++;
    }
  }
  return added;
}

/**
 * Sends what is due: once each, retried with back-off on WeChat errors, given up with a record after
 * MAX_SEND_ATTEMPTS; a 43101 (refused) stops that template for that user until they accept it again.
 */
export async function deliverDue(
  deps: NotifyDeps & { activity(id: string): Promise<ActivityRecord | null> },
  messenger: Messenger,
): Promise<Record<string, number>> {
  const now = deps.clock.now();
  const tally: Record<string, number> = {
    sent: 0,
    retried: 0,
    failed: 0,
    refused: 0,
    'not-subscribed': 0,
    dropped: 0,
    postponed: 0,
  };
  const messages: OutboxMessage[] = [];
  // Settled messages leave the pending index and retries move past `now`, so each page is new work.
  for (
    let page = await deps.outbox.due(toIso(now), 100);
    page.length > 0 && messages.length < 2000;
    page = await deps.outbox.due(toIso(now), 100)
  ) {
    messages.push(...page);
    await Promise.all(page.map((message) => deliverOne(deps, messenger, message, tally)));
  }
  return tally;
}

async function deliverOne(
  deps: NotifyDeps & { activity(id: string): Promise<ActivityRecord | null> },
  messenger: Messenger,
  message: OutboxMessage,
  tally: Record<string, number>,
): Promise<void> {
  const [signup, activity, user] = await Promise.all([
    deps.signups.get(message.signupId),
    deps.activity(message.activityId),
    deps.users.get(message.userId),
  ]);
  const touser = user ? messenger.recipient(user) : null;
  if (!signup || !activity || !touser) {
    await deps.outbox.settle(message, { status: 'failed', lastError: touser ? 'gone' : 'no-recipient' });
    tally.failed = (tally.failed ?? 0) + 1;
    return;
  }
  const now = deps.clock.now();
  const verdict = deliveryVerdict(message, activity, signup, now);
  if (verdict === 'drop') {
    await deps.outbox.settle(message, { status: 'dropped' });
    tally.dropped = (tally.dropped ?? 0) + 1;
    return;
  }
  if (verdict !== 'send') {
    await deps.outbox.retry(message, toIso(verdict.waitUntil), 'not-yet');
    tally.postponed = (tally.postponed ?? 0) + 1;
    return;
  }
  // Looked up now: a queued message names its template, and the WeChat id may have changed since.
  const template = messenger.templates[TEMPLATE_OF[message.kind]];
  if (!(await deps.subscriptions.consume(message.userId, template))) {
    await deps.outbox.settle(message, { status: 'not-subscribed' });
    tally['not-subscribed'] = (tally['not-subscribed'] ?? 0) + 1;
    return;
  }
  const errcode = await messenger.send({
    touser,
    template_id: template,
    ...messageContent(message, activity, signup, now),
  });
  if (errcode === 0) {
    await deps.outbox.settle(message, { status: 'sent', sentAt: toIso(deps.clock.now()) });
    tally.sent = (tally.sent ?? 0) + 1;
  } else if (errcode === WECHAT_REFUSED) {
    await deps.subscriptions.refuse(message.userId, template);
    await deps.outbox.settle(message, { status: 'refused', lastError: errcode });
    tally.refused = (tally.refused ?? 0) + 1;
  } else if (message.attempts + 1 >= MAX_SEND_ATTEMPTS) {
    await deps.outbox.settle(message, { status: 'failed', lastError: errcode });
    tally.failed = (tally.failed ?? 0) + 1;
  } else {
    // The grant was not used up by a message that did not arrive.
    await deps.subscriptions.accept(message.userId, [template]);
    await deps.outbox.retry(message, toIso(deps.clock.now() + retryDelayMs(message.attempts)), errcode);
    tally.retried = (tally.retried ?? 0) + 1;
  }
}
