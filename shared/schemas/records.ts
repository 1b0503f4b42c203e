/**
 * What the table keeps, for the records that have no API view of their own (an activity's, a sign-up's and the
 * catalog's records sit beside their views). The store parses every item it reads with these, so a field added
 * later reads with its default on older items, and a malformed item fails loudly instead of travelling on.
 */
import * as v from 'valibot';
import { CompletionSchema, RoleSchema } from '../api';
import { SCHOOL_ROLES } from '../roles';
import { ACTIVITY_KINDS } from './activity';
import { CountySchema } from './common';

export const UserRecordSchema = v.object({
  id: v.string(),
  roles: v.optional(v.array(RoleSchema), () => ['user' as const]),
  /** Counts role changes: a change is written only over the roles it read (concurrent grants never clobber). */
  rolesVersion: v.optional(v.number(), 0),
  /** 用户编号 (domain/people/people.ts shortIdOf); absent on users who have not logged in since it existed. */
  shortId: v.optional(v.string()),
  openId: v.optional(v.string()),
  createdAt: v.string(),
  /** 注销: when the account was closed; tokens issued before it answer 401, a later login starts afresh. */
  closedAt: v.optional(v.string()),
});
export type UserRecord = v.InferOutput<typeof UserRecordSchema>;

/**
 * Every message the app sends, at most once per sign-up and kind, or, for the kinds owed once per class or per
 * change, once per sign-up, kind and `about` (domain/messaging/reminders.ts).
 */
export const MESSAGE_KINDS = [
  'reminder-24h',
  'reminder-2h',
  'seat-confirmed',
  'lottery-result',
  'offer',
  'activity-cancelled',
  'session-reminder',
  'session-changed',
  'session-cancelled',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const OutboxMessageSchema = v.object({
  signupId: v.string(),
  kind: v.picklist(MESSAGE_KINDS),
  /**
   * What it is about when its kind is owed more than once per sign-up: `s3` (the class of index 3) for a
   * session's reminder, `s3#c7` (and `all#c7`) for the activity's change number 7. Part of the message's id.
   */
  about: v.optional(v.string()),
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

/** A completion record as kept: what the certificate shows that is the attendee's own, and their sign-up. */
export const CompletionRecordSchema = v.object({
  ...v.pick(CompletionSchema, [
    'code',
    'activityId',
    'attendeeName',
    'sessionsAttended',
    'sessionsTotal',
    'hours',
    'issuedAt',
  ]).entries,
  signupId: v.string(),
});
export type CompletionRecord = v.InferOutput<typeof CompletionRecordSchema>;

/** An invitation to a school; the code itself is never stored, only its SHA-256. */
export const InvitationRecordSchema = v.object({
  id: v.string(),
  codeHash: v.string(),
  schoolId: v.string(),
  role: v.picklist(SCHOOL_ROLES),
  note: v.optional(v.nullable(v.string()), null),
  createdBy: v.string(),
  createdAt: v.string(),
  /** Until when it can be used (the table's `expiresAt` is its TTL attribute, a number, hence the name). */
  validUntil: v.string(),
  status: v.picklist(['pending', 'used', 'cancelled']),
  usedBy: v.optional(v.string()),
  usedAt: v.optional(v.string()),
});
export type InvitationRecord = v.InferOutput<typeof InvitationRecordSchema>;

/** Someone's place at a school: kept beside the role on their profile, so a school lists its people. */
export const MemberRecordSchema = v.object({
  schoolId: v.string(),
  userId: v.string(),
  shortId: v.string(),
  role: v.picklist(SCHOOL_ROLES),
  since: v.string(),
  note: v.optional(v.nullable(v.string()), null),
});
export type MemberRecord = v.InferOutput<typeof MemberRecordSchema>;
