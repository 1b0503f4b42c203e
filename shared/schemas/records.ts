/**
 * What the table keeps, for the records that have no API view of their own (an activity's, a sign-up's and the
 * catalog's records sit beside their views). The store parses every item it reads with these, so a field added
 * later reads with its default on older items, and a malformed item fails loudly instead of travelling on.
 */
import * as v from 'valibot';
import { RoleSchema } from '../api';
import { ACTIVITY_KINDS } from './activity';
import { CountySchema } from './common';

export const UserRecordSchema = v.object({
  id: v.string(),
  roles: v.optional(v.array(RoleSchema), () => ['user' as const]),
  openId: v.optional(v.string()),
  createdAt: v.string(),
});
export type UserRecord = v.InferOutput<typeof UserRecordSchema>;

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

export const OutboxMessageSchema = v.object({
  signupId: v.string(),
  kind: v.picklist(MESSAGE_KINDS),
  userId: v.string(),
  activityId: v.string(),
  /** The template's name (domain/messaging/messages.ts TEMPLATE_OF); its WeChat id is looked up when the message is sent. */
  template: v.string(),
  /** `dropped`: no longer owed when its turn came (domain/messaging/reminders.ts deliveryVerdict). */
  status: v.picklist(['pending', 'sent', 'failed', 'refused', 'not-subscribed', 'dropped']),
  attempts: v.number(),
  nextAttemptAt: v.string(),
  createdAt: v.string(),
  /** Null once a retry succeeded or before any attempt; the outbox writes both ways. */
  lastError: v.optional(v.nullable(v.union([v.number(), v.string()]))),
  sentAt: v.optional(v.nullable(v.string())),
});
export type OutboxMessage = v.InferOutput<typeof OutboxMessageSchema>;

export const CheckInRecordSchema = v.object({
  signupId: v.string(),
  activityId: v.string(),
  sessionIndex: v.number(),
  schoolId: v.string(),
  kind: v.picklist(ACTIVITY_KINDS),
  county: CountySchema,
  checkedInAt: v.string(),
  checkedInBy: v.string(),
});
export type CheckInRecord = v.InferOutput<typeof CheckInRecordSchema>;

export const CompletionRecordSchema = v.object({
  code: v.string(),
  signupId: v.string(),
  activityId: v.string(),
  attendeeName: v.string(),
  sessionsAttended: v.number(),
  sessionsTotal: v.number(),
  hours: v.number(),
  issuedAt: v.string(),
});
export type CompletionRecord = v.InferOutput<typeof CompletionRecordSchema>;
