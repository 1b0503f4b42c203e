import { createHash, randomBytes } from 'node:crypto';
import {
  personIdentity,
  REQUIRED_FIELD_MESSAGES,
  requiredAttendeeFields,
  type Attendee,
  type Signup,
} from '../../../shared/schemas/signup';
import type { FieldIssue } from '../../../shared/errors';
import type { ActivityKind } from '../../../shared/schemas/activity';
import type { SignupRecord } from '../../../shared/schemas/signup';

/** One seat per person per activity: the same name and phone is the same person, however it is typed. */
export function attendeeKey(attendee: Pick<Attendee, 'name' | 'phone'>): string {
  return createHash('sha256').update(personIdentity(attendee)).digest('hex').slice(0, 32);
}

/** Fields a kind of activity needs beyond name and phone (birth year for 老年大学, village for 送教下乡). */
export function missingAttendeeFields(kind: ActivityKind, attendee: Attendee): FieldIssue[] {
  return requiredAttendeeFields(kind)
    .filter((field) => attendee[field] === undefined)
    .map((field) => ({ field: `attendee.${field}`, message: REQUIRED_FIELD_MESSAGES[field] }));
}

/** A replayed request must be the same request: its hash is kept with the idempotency key. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Sign-up ids sort by creation time, so the waitlist's order is the order people joined it. */
export function newSignupId(now: number): string {
  return `${now.toString(36).padStart(9, '0')}-${randomBytes(8).toString('hex')}`;
}

export function newActivityId(now: number): string {
  return `act-${now.toString(36)}-${randomBytes(4).toString('hex')}`;
}

export function toSignupView(record: SignupRecord, waitlistPosition?: number): Signup {
  return {
    id: record.id,
    activityId: record.activityId,
    userId: record.userId,
    status: record.status,
    ...(record.status === 'waitlisted' && waitlistPosition !== undefined ? { waitlistPosition } : {}),
    ...(record.status === 'offered' && record.offerExpiresAt
      ? { offerExpiresAt: record.offerExpiresAt }
      : {}),
    attendee: record.attendee,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.cancelledAt ? { cancelledAt: record.cancelledAt } : {}),
    ...(record.walkIn ? { walkIn: true } : {}),
  };
}

/** Attempts at a contended seat before answering "busy, try again" (each attempt backs off). */
export const MAX_SEAT_ATTEMPTS = 12;
