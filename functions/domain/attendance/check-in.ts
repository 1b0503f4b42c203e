import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import type { Attendance, SchoolStats, StatsResponse } from '../../../shared/api';
import type { Session } from '../../../shared/schemas/activity';
import type { School } from '../../../shared/schemas/catalog';
import { COUNTIES } from '../../../shared/schemas/common';
import { dayjs, inZone } from '../../../shared/time';
import { isHeld } from '../activities/sessions';

/** Staff may check people in from two hours before a session until twelve hours after it ends. */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * 3600_000;
export const CHECK_IN_CLOSES_AFTER_MS = 12 * 3600_000;

export interface CheckInClaim {
  signupId: string;
  sessionIndex: number;
  /** Seconds since the epoch after which the code is refused. */
  expiresAt: number;
}

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'siping-skills', 'check-in-code-v1', 32));
}

/**
 * The QR payload: the sign-up and session sealed with AES-256-GCM, so the code is unforgeable and does
 * not reveal the sign-up id. Single use is enforced by the check-in record, not by the code.
 */
export function sealCheckInCode(secret: string, claim: CheckInClaim): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const plain = Buffer.from(JSON.stringify([claim.signupId, claim.sessionIndex, claim.expiresAt]), 'utf8');
  const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return `CK1.${sealed.toString('base64url')}`;
}

export function openCheckInCode(secret: string, code: string): CheckInClaim | null {
  if (!code.startsWith('CK1.')) return null;
  const raw = Buffer.from(code.slice(4), 'base64url');
  if (raw.length < 12 + 16 + 2) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
    const parsed: unknown = JSON.parse(plain.toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [signupId, sessionIndex, expiresAt] = parsed as [unknown, unknown, unknown];
    if (typeof signupId !== 'string' || !Number.isInteger(sessionIndex) || typeof expiresAt !== 'number')
      return null;
    return { signupId, sessionIndex: sessionIndex as number, expiresAt };
  } catch {
    return null;
  }
}

export function isWithinCheckInWindow(session: Session, at: number): boolean {
  return (
    at >= dayjs(session.startsAt).valueOf() - CHECK_IN_OPENS_BEFORE_MS &&
    at <= dayjs(session.endsAt).valueOf() + CHECK_IN_CLOSES_AFTER_MS
  );
}

/**
 * The session a code shown now is for: the one under way, else the next (a cancelled one is passed over); null
 * once the last has passed.
 */
export function sessionForCode(sessions: Session[], now: number): number | null {
  const index = sessions.findIndex(
    (s) => isHeld(s) && dayjs(s.endsAt).valueOf() + CHECK_IN_CLOSES_AFTER_MS > now,
  );
  return index < 0 ? null : index;
}

export function codeExpiry(session: Session): number {
  return Math.floor((dayjs(session.endsAt).valueOf() + CHECK_IN_CLOSES_AFTER_MS) / 1000);
}

/**
 * An attendee's record: every session in its place, a cancelled one (停课) marked and counted neither as held nor
 * as attended (nor its hours), so a class that did not take place never counts against anyone.
 */
export function summarizeAttendance(
  sessions: Session[],
  checkIns: Array<{ sessionIndex: number; checkedInAt: string }>,
  threshold: number,
): Attendance {
  const byIndex = new Map(checkIns.map((c) => [c.sessionIndex, c.checkedInAt]));
  const rows = sessions.map((s, index) => ({
    index,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    checkedInAt: byIndex.get(index) ?? null,
    ...(isHeld(s) ? {} : { cancelled: true }),
  }));
  const attendedRows = rows.filter((r) => r.checkedInAt !== null && !r.cancelled);
  const minutes = attendedRows.reduce((sum, r) => sum + dayjs(r.endsAt).diff(dayjs(r.startsAt), 'minute'), 0);
  return {
    sessions: rows,
    attended: attendedRows.length,
    hours: Math.round((minutes / 60) * 10) / 10,
    threshold,
  };
}

/** The sessions that took place (or will): all but the cancelled ones. */
export function heldCount(attendance: Attendance): number {
  return attendance.sessions.filter((s) => !s.cancelled).length;
}

/** The attendance rule: attended sessions ÷ sessions held (a cancelled one is in neither) reaches the threshold. */
export function earnsCompletion(attendance: Attendance): boolean {
  const total = heldCount(attendance);
  return total > 0 && attendance.attended / total >= attendance.threshold - 1e-9;
}

/** Ten characters without 0/O/1/I, easy to read out over the phone. */
export function newCompletionCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

export interface CheckInFact {
  schoolId: string;
  kind: string;
  county: string;
  checkedInAt: string;
}

/** Kinds that count towards the plan's training headcount (人次). */
export const COUNTED_KINDS = ['training', 'outreach', 'community', 'senior'] as const;

/**
 * The plan's §10 measure per school: training headcount against twice the enrolment, by kind and month,
 * and each county's total.
 */
export function aggregateStats(
  year: number,
  schools: School[],
  facts: CheckInFact[],
  enrolments: Map<string, number>,
): StatsResponse {
  const rows = new Map<string, SchoolStats>(
    schools.map((s) => {
      const enrolment = enrolments.get(s.id) ?? null;
      return [
        s.id,
        {
          schoolId: s.id,
          schoolName: s.name,
          county: s.county,
          enrolment,
          headcount: 0,
          target: enrolment === null ? null : enrolment * 2,
          ratioToTarget: null,
          byKind: Object.fromEntries(COUNTED_KINDS.map((k) => [k, 0])),
          byMonth: Array(12).fill(0) as number[],
        },
      ];
    }),
  );
  const counties = new Map<string, number>(COUNTIES.map((c) => [c, 0]));
  for (const fact of facts) {
    const at = inZone(fact.checkedInAt);
    if (at.year() !== year || !(COUNTED_KINDS as readonly string[]).includes(fact.kind)) continue;
    const row = rows.get(fact.schoolId);
    if (!row) continue;
    row.headcount++;
    row.byKind[fact.kind] = (row.byKind[fact.kind] ?? 0) + 1;
    row.byMonth[at.month()] = (row.byMonth[at.month()] ?? 0) + 1;
    counties.set(fact.county, (counties.get(fact.county) ?? 0) + 1);
  }
  for (const row of rows.values()) {
    if (row.target) row.ratioToTarget = Math.round((row.headcount / row.target) * 1000) / 1000;
  }
  return {
    year,
    schools: [...rows.values()],
    counties: [...counties.entries()].map(([county, headcount]) => ({ county, headcount })),
  };
}
