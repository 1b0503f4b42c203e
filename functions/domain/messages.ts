/** Every message the app sends, at most once per sign-up. */
export const MESSAGE_KINDS = [
  'reminder-24h',
  'reminder-2h',
  'seat-confirmed',
  'lottery-result',
  'offer',
  'activity-cancelled',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type TemplateName = 'reminder' | 'result' | 'cancelled';

export const TEMPLATE_OF: Record<MessageKind, TemplateName> = {
  'reminder-24h': 'reminder',
  'reminder-2h': 'reminder',
  'seat-confirmed': 'result',
  'lottery-result': 'result',
  offer: 'result',
  'activity-cancelled': 'cancelled',
};
