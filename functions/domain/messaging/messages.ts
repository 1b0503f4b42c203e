import type { MessageKind } from '../../../shared/schemas/records';

/**
 * The kinds the scheduled worker queues when their time comes: a reminder when its window opens, for every
 * seat held then, and the notice of a cancelled activity (more sign-ups than one transaction can hold). Every
 * other kind follows a change of one sign-up's status and is queued in the transaction that makes the change
 * (domain/messaging/notify.ts), as is the reminder whose window is open when a seat is confirmed.
 */
export const SWEPT_KINDS: ReadonlySet<MessageKind> = new Set([
  'reminder-24h',
  'reminder-2h',
  'activity-cancelled',
]);

export type TemplateName = 'reminder' | 'result' | 'cancelled';

export const TEMPLATE_OF: Record<MessageKind, TemplateName> = {
  'reminder-24h': 'reminder',
  'reminder-2h': 'reminder',
  'seat-confirmed': 'result',
  'lottery-result': 'result',
  offer: 'result',
  'activity-cancelled': 'cancelled',
};
