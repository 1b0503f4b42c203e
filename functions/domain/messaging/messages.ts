import type { MessageKind } from '../../../shared/schemas/records';

/**
 * The kinds the scheduled worker queues when their time comes: a reminder when its window opens, for every
 * seat held then, and the notice of a cancelled activity or of a class moved or cancelled (more sign-ups than
 * one transaction can hold). Every other kind follows a change of one sign-up's status and is queued in the
 * transaction that makes the change (domain/messaging/notify.ts), as is the reminder whose window is open when
 * a seat is confirmed.
 */
export const SWEPT_KINDS: ReadonlySet<MessageKind> = new Set([
  'reminder-24h',
  'reminder-2h',
  'session-reminder',
  'activity-cancelled',
  'session-changed',
  'session-cancelled',
]);

export type TemplateName = 'reminder' | 'result' | 'cancelled';

/**
 * A class moved or cancelled is told with the `cancelled` template (its 状态 field says what changed), not the
 * `reminder` one: a term's reminders use up the reminder grants class by class, while the cancelled template's
 * grant is kept for what a person must not miss. The template chosen for it should read as a change of plan
 * (活动变更通知), not only a cancellation (docs/deploy.md).
 */
export const TEMPLATE_OF: Record<MessageKind, TemplateName> = {
  'reminder-24h': 'reminder',
  'reminder-2h': 'reminder',
  'session-reminder': 'reminder',
  'seat-confirmed': 'result',
  'lottery-result': 'result',
  offer: 'result',
  'activity-cancelled': 'cancelled',
  'session-changed': 'cancelled',
  'session-cancelled': 'cancelled',
};
