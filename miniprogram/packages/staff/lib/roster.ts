import type { RosterEntry } from '@shared/api';
import type { Activity, ActivityKind } from '@shared/schemas/activity';
import {
  REQUIRED_FIELD_MESSAGES,
  WalkInInputSchema,
  requiredAttendeeFields,
  type WalkInInput,
} from '@shared/schemas/signup';
import { dayjs } from '@shared/time';
import { validate } from '@shared/validate';
import type { KeyValue } from '@/services/kv';

/** The check-in window the server keeps (functions/domain/attendance/check-in.ts): 2 h before to 12 h after. */
const CLOSES_AFTER_MS = 12 * 3600_000;

/**
 * The session 名单签到 is for now, as the server picks it when no `sessionDate` is sent: the one under way, else
 * the next (a cancelled one, 停课, is passed over); null once the last one's window has closed.
 */
export function currentSession(sessions: Activity['sessions'], now: number): number | null {
  const index = sessions.findIndex((s) => !s.cancelled && dayjs(s.endsAt).valueOf() + CLOSES_AFTER_MS > now);
  return index < 0 ? null : index;
}

/**
 * Whether a roster row is checked in for the current session. The roster counts check-ins, not which sessions
 * they were for, so: ticked on this phone for this session, or as many check-ins as sessions held up to and
 * including this one (always exact for a one-day activity). Someone who missed an earlier class shows 签到
 * again; the server then answers ALREADY_CHECKED_IN, which the page reads as 已签到.
 */
export function checkedInNow(
  row: Pick<RosterEntry, 'id' | 'checkInCount'>,
  sessions: Activity['sessions'],
  ticked: ReadonlySet<string>,
  now: number,
): boolean {
  const index = currentSession(sessions, now);
  if (index === null) return false;
  if (ticked.has(row.id)) return true;
  const held = sessions.slice(0, index + 1).filter((s) => !s.cancelled).length;
  return row.checkInCount >= held;
}

/** What a roster row says beside the name: `现场 · 已签到`, `已签到`, `现场`, or nothing (then the 签到 button). */
export function checkInLabel(row: Pick<RosterEntry, 'walkIn'>, checked: boolean): string {
  if (row.walkIn) return checked ? '现场 · 已签到' : '现场';
  return checked ? '已签到' : '';
}

const TICKS_KEY = 'sp.staff.ticks';
const KEEP_SESSIONS = 30;

/**
 * The people ticked off on this phone, per activity and session, so 已签到 stays after the page is left
 * (the roster alone cannot tell which session a check-in was for). The last 30 sessions are kept.
 */
export function createTickStore(kv: KeyValue) {
  const read = () => kv.get<Record<string, string[]>>(TICKS_KEY) ?? {};
  const slot = (activityId: string, session: number) => `${activityId}:${session}`;
  return {
    get(activityId: string, session: number): Set<string> {
      return new Set(read()[slot(activityId, session)] ?? []);
    },
    add(activityId: string, session: number, signupId: string): void {
      const all = read();
      const key = slot(activityId, session);
      const ids = new Set(all[key] ?? []);
      ids.add(signupId);
      delete all[key];
      const entries = [...Object.entries(all), [key, [...ids]] as [string, string[]]];
      kv.set(TICKS_KEY, Object.fromEntries(entries.slice(-KEEP_SESSIONS)));
    },
  };
}

/** 现场报名 as typed: four boxes, the last two optional unless the activity's kind asks for them. */
export interface WalkInForm {
  name: string;
  phone: string;
  birthYear: string;
  village: string;
}

export type WalkInField = keyof WalkInForm;
export type WalkInErrors = Partial<Record<WalkInField, string>>;

export const EMPTY_WALK_IN: WalkInForm = { name: '', phone: '', birthYear: '', village: '' };

/** Full-width digits and the spaces or dashes of `138 0013 8000` are read as the number. */
const digits = (s: string) => s.normalize('NFKC').replace(/[\s-]/g, '');

/**
 * The POST …/walk-ins body, checked with shared's WalkInInputSchema (the server's own), plus the fields the
 * kind requires (老年大学 出生年份, 送教下乡 所在村屯); problems keyed by the form's field.
 */
export function checkWalkIn(
  f: WalkInForm,
  kind: ActivityKind,
): { ok: true; value: WalkInInput } | { ok: false; errors: WalkInErrors } {
  const attendee: Record<string, unknown> = { name: f.name.trim(), phone: digits(f.phone) };
  const year = digits(f.birthYear);
  if (year) attendee.birthYear = /^\d+$/.test(year) ? Number(year) : year;
  if (f.village.trim()) attendee.village = f.village.trim();
  const errors: WalkInErrors = {};
  for (const field of requiredAttendeeFields(kind)) {
    if (attendee[field] === undefined) errors[field] = REQUIRED_FIELD_MESSAGES[field];
  }
  const result = validate(WalkInInputSchema, { attendee });
  if (!result.ok) {
    for (const issue of result.issues) {
      const field = issue.field.replace(/^attendee\./, '') as WalkInField;
      if (field in EMPTY_WALK_IN && !errors[field]) errors[field] = issue.message;
    }
  }
  if (Object.keys(errors).length || !result.ok) return { ok: false, errors };
  return { ok: true, value: result.value };
}

/** The server's field refusals (`attendee.phone`) under the form's boxes. */
export function walkInFieldErrors(fields: Array<{ field: string; message: string }>): WalkInErrors {
  const errors: WalkInErrors = {};
  for (const f of fields) {
    const field = f.field.replace(/^attendee\./, '') as WalkInField;
    if (field in EMPTY_WALK_IN && !errors[field]) errors[field] = f.message;
  }
  return errors;
}
