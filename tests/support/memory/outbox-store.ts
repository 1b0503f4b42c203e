import type { OutboxMessage } from '../../../shared/schemas/records';
import type { OutboxStore } from '../../../functions/domain/messaging/ports';
import { keys } from '../../../functions/store/keys';
import {
  conditionFailed,
  copy,
  keyOf,
  transact,
  turn,
  type Item,
  type MemoryTable,
  type Step,
} from './table';

const toMessage = (item: Item) => copy(item) as unknown as OutboxMessage;

/** A message's id, as the store's item key makes it: its sign-up, its kind and what it is about. */
const idOf = (message: Pick<OutboxMessage, 'signupId' | 'kind' | 'about'>) =>
  keyOf(message.signupId, keys.outbox(message.signupId, message.kind, message.about).SK);

/**
 * A message's outbox item, put only if its sign-up has none with its id (the store's outboxPut): by the worker,
 * or inside the transaction that changes a sign-up.
 */
export function outboxStep(table: MemoryTable, message: OutboxMessage): Step {
  const key = idOf(message);
  return {
    item: `outbox:${key}`,
    holds: () => !table.outbox.has(key),
    apply: () =>
      table.outbox.set(key, {
        message: copy(message) as unknown as Item,
        pendingKey: keys.pendingMessage(message).GSI1SK,
      }),
  };
}

/** The in-memory OutboxStore: one message per sign-up and kind, listed as due while it is pending. */
export function createMemoryOutboxStore(table: MemoryTable): OutboxStore {
  /** A write to a pending message; like the store's, a message no longer pending throws. */
  function updatePending(message: OutboxMessage, change: (item: Item) => string | null): void {
    const key = idOf(message);
    const result = transact([
      {
        item: `outbox:${key}`,
        holds: () => table.outbox.get(key)?.message.status === 'pending',
        apply: () => {
          const stored = table.outbox.get(key);
          if (stored) stored.pendingKey = change(stored.message);
        },
      },
    ]);
    if (!result.ok) throw conditionFailed();
  }

  return {
    async enqueue(message) {
      await turn();
      return transact([outboxStep(table, message)]).ok;
    },

    async due(now, limit) {
      await turn();
      const until = `${now}#~`;
      return [...table.outbox.values()]
        .filter(
          (m): m is { message: Item; pendingKey: string } => m.pendingKey !== null && m.pendingKey <= until,
        )
        .sort((a, b) => (a.pendingKey < b.pendingKey ? -1 : a.pendingKey > b.pendingKey ? 1 : 0))
        .slice(0, limit)
        .map((m) => toMessage(m.message));
    },

    async settle(message, outcome) {
      await turn();
      // Leaving the pending index is what makes a message final.
      updatePending(message, (item) => {
        Object.assign(item, {
          status: outcome.status,
          attempts: Number(item.attempts) + 1,
          lastError: outcome.lastError ?? null,
          sentAt: outcome.sentAt ?? null,
        });
        return null;
      });
    },

    async retry(message, nextAttemptAt, error) {
      await turn();
      updatePending(message, (item) => {
        Object.assign(item, { attempts: Number(item.attempts) + 1, nextAttemptAt, lastError: error });
        return keys.pendingMessage({ ...message, nextAttemptAt }).GSI1SK;
      });
    },

    async list(signupId) {
      await turn();
      // In the order of the store's sort key: the kind, then what it is about.
      const sk = (m: Item) => keys.outbox(signupId, String(m.kind), m.about as string | undefined).SK;
      return [...table.outbox.values()]
        .filter((m) => m.message.signupId === signupId)
        .sort((a, b) => (sk(a.message) < sk(b.message) ? -1 : 1))
        .map((m) => toMessage(m.message));
    },
  };
}
