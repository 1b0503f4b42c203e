import type { OutboxMessage } from '../../../shared/schemas/records';

export interface OutboxStore {
  /** Adds the message unless one of that kind exists for the sign-up already (a message id is its sign-up and kind). */
  enqueue(message: OutboxMessage): Promise<boolean>;
  due(now: string, limit: number): Promise<OutboxMessage[]>;
  settle(
    message: OutboxMessage,
    outcome: Pick<OutboxMessage, 'status' | 'lastError' | 'sentAt'>,
  ): Promise<void>;
  retry(message: OutboxMessage, nextAttemptAt: string, error: number | string): Promise<void>;
  list(signupId: string): Promise<OutboxMessage[]>;
}

export interface SubscriptionStore {
  /** Counts one accepted one-time subscription per template. */
  accept(userId: string, templates: string[]): Promise<void>;
  balance(userId: string): Promise<Record<string, number>>;
  /** Uses one subscription; false when none is left (or the user refused the template). */
  consume(userId: string, template: string): Promise<boolean>;
  refuse(userId: string, template: string): Promise<void>;
  /** Forgets every grant and refusal of the user (an account closed). */
  forget(userId: string): Promise<void>;
}
