import { toIso } from '../../shared/time';
import type {
  ActivityRecord,
  Clock,
  OutboxMessage,
  OutboxStore,
  SignupStore,
  SubscriptionStore,
  UserStore,
} from './ports';
import { TEMPLATE_OF } from './messages';
import { MAX_SEND_ATTEMPTS, WECHAT_REFUSED, dueMessages, messageContent, retryDelayMs } from './reminders';

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

/** Puts every message an activity's sign-ups are owed into the outbox (at most once each). */
export async function enqueueDue(
  deps: NotifyDeps,
  messenger: Messenger,
  activity: ActivityRecord,
): Promise<number> {
  const now = deps.clock.now();
  let added = 0;
  for (const signup of await deps.signups.listForActivity(activity.id)) {
    for (const kind of dueMessages(activity, signup, now)) {
      const message: OutboxMessage = {
        signupId: signup.id,
        kind,
        userId: signup.userId,
        activityId: activity.id,
        template: messenger.templates[TEMPLATE_OF[kind]],
        status: 'pending',
        attempts: 0,
        nextAttemptAt: toIso(now),
        createdAt: toIso(now),
      };
      if (await deps.outbox.enqueue(message)) added++;
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
  const tally: Record<string, number> = { sent: 0, retried: 0, failed: 0, refused: 0, 'not-subscribed': 0 };
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
  if (!(await deps.subscriptions.consume(message.userId, message.template))) {
    await deps.outbox.settle(message, { status: 'not-subscribed' });
    tally['not-subscribed'] = (tally['not-subscribed'] ?? 0) + 1;
    return;
  }
  const errcode = await messenger.send({
    touser,
    template_id: message.template,
    ...messageContent(message.kind, activity, signup),
  });
  if (errcode === 0) {
    await deps.outbox.settle(message, { status: 'sent', sentAt: toIso(deps.clock.now()) });
    tally.sent = (tally.sent ?? 0) + 1;
  } else if (errcode === WECHAT_REFUSED) {
    await deps.subscriptions.refuse(message.userId, message.template);
    await deps.outbox.settle(message, { status: 'refused', lastError: errcode });
    tally.refused = (tally.refused ?? 0) + 1;
  } else if (message.attempts + 1 >= MAX_SEND_ATTEMPTS) {
    await deps.outbox.settle(message, { status: 'failed', lastError: errcode });
    tally.failed = (tally.failed ?? 0) + 1;
  } else {
    // The grant was not used up by a message that did not arrive.
    await deps.subscriptions.accept(message.userId, [message.template]);
    await deps.outbox.retry(message, toIso(deps.clock.now() + retryDelayMs(message.attempts)), errcode);
    tally.retried = (tally.retried ?? 0) + 1;
  }
}
