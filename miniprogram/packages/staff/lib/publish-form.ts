import {
  ActivityCreateInputSchema,
  ActivityPatchInputSchema,
  type Activity,
  type ActivityCreateInput,
  type ActivityKind,
  type ActivityPatchInput,
} from '@shared/schemas/activity';
import type { County } from '@shared/schemas/common';
import { type dayjs, inZone } from '@shared/time';
import { validate } from '@shared/validate';

/** What the 发布活动 form holds: strings as typed, choices as values. */
export interface PublishForm {
  kind: ActivityKind;
  title: string;
  description: string;
  county: County | null;
  township: string;
  village: string;
  address: string;
  /** 地图位置 as `43.16, 124.35` (latitude, longitude); empty when the place has none. */
  mapPoint: string;
  /** Dates a weekly term skips (holidays), `2026-12-29, 2027-01-05`. */
  skipDates: string;
  /** `once`: one date with start and end times; `weekly`: a term of weekly classes. */
  timing: 'once' | 'weekly';
  date: string;
  startTime: string;
  endTime: string;
  weekday: string;
  firstDate: string;
  lastDate: string;
  capacity: string;
  /** `2026-12-01 09:00` */
  signupOpensAt: string;
  signupClosesAt: string;
  enrolment: 'first-come' | 'lottery';
  drawAt: string;
  minAge: string;
  maxAge: string;
  residentsOnly: boolean;
  cancelDeadlineHours: string;
  waitlist: 'auto' | 'offer';
  offerHours: string;
}

const fmtDate = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
const fmtTime = (d: dayjs.Dayjs) => d.format('HH:mm');

/**
 * A form that publishes as is: two hours from the next half hour + 30 min, sign-up open from now. A start
 * whose two hours would run past midnight (or that falls in the small hours) moves to 09:00 of the next
 * morning, so an evening's form is valid too.
 */
export function defaultForm(now: number = Date.now()): PublishForm {
  const t = inZone(now);
  let start = t.add(60 - (t.minute() % 30), 'minute').second(0);
  if (start.add(2, 'hour').date() !== start.date() || start.hour() < 7) {
    start = (start.hour() < 7 ? start : start.add(1, 'day')).hour(9).minute(0).second(0);
  }
  const end = start.add(2, 'hour');
  return {
    kind: 'outreach',
    title: '',
    description: '',
    county: null,
    township: '',
    village: '',
    address: '',
    mapPoint: '',
    skipDates: '',
    timing: 'once',
    date: fmtDate(start),
    startTime: fmtTime(start),
    endTime: fmtTime(end),
    weekday: String(start.day() === 0 ? 7 : start.day()),
    firstDate: fmtDate(start),
    lastDate: fmtDate(start.add(8, 'week')),
    capacity: '40',
    signupOpensAt: `${fmtDate(t.subtract(1, 'minute'))} ${fmtTime(t.subtract(1, 'minute'))}`,
    signupClosesAt: `${fmtDate(start)} ${fmtTime(start)}`,
    enrolment: 'first-come',
    drawAt: '',
    minAge: '',
    maxAge: '',
    residentsOnly: false,
    cancelDeadlineHours: '',
    waitlist: 'auto',
    offerHours: '24',
  };
}

/** `2026-12-01` + `09:00` → `2026-12-01T09:00:00+08:00`; anything unparseable passes through for the schema to refuse. */
export function instant(date: string, time: string): string {
  const d = date.trim();
  const t = time.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !/^\d{2}:\d{2}$/.test(t)) return `${d} ${t}`.trim();
  return `${d}T${t}:00+08:00`;
}

const fromDateTime = (value: string): string => {
  const [d = '', t = ''] = value.trim().split(/\s+/);
  return instant(d, t);
};

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

/** `43.16, 124.35` → { latitude, longitude }; text that is not two numbers passes through for the schema to refuse. */
export function mapPointOf(text: string): { latitude?: unknown; longitude?: unknown } {
  if (!text.trim()) return {};
  const [lat = '', lng = ''] = text.split(/[,，\s]+/).filter(Boolean);
  const latitude = Number(lat);
  const longitude = Number(lng);
  return {
    latitude: Number.isFinite(latitude) ? latitude : lat,
    longitude: Number.isFinite(longitude) ? longitude : lng,
  };
}

/** The POST /staff/activities body the form describes (not yet validated). */
export function toActivityInput(f: PublishForm, schoolId: string): Record<string, unknown> {
  const weekly = f.timing === 'weekly';
  const body: Record<string, unknown> = {
    kind: f.kind,
    title: f.title.trim(),
    description: f.description.trim(),
    schoolId,
    county: f.county ?? undefined,
    place: {
      township: f.township.trim(),
      ...(f.village.trim() ? { village: f.village.trim() } : {}),
      address: f.address.trim(),
      ...mapPointOf(f.mapPoint),
    },
    startsAt: instant(weekly ? f.firstDate : f.date, f.startTime),
    endsAt: instant(weekly ? f.lastDate : f.date, f.endTime),
    capacity: num(f.capacity),
    signupOpensAt: fromDateTime(f.signupOpensAt),
    signupClosesAt: fromDateTime(f.signupClosesAt),
  };
  if (weekly) {
    body.schedule = {
      weekday: num(f.weekday),
      startTime: f.startTime.trim(),
      endTime: f.endTime.trim(),
      firstDate: f.firstDate.trim(),
      lastDate: f.lastDate.trim(),
      skipDates: f.skipDates
        .split(/[,，、\s]+/)
        .map((d) => d.trim())
        .filter(Boolean),
    };
  }
  if (f.enrolment === 'lottery') {
    body.enrolment = 'lottery';
    if (f.drawAt.trim()) body.drawAt = fromDateTime(f.drawAt);
  }
  const minAge = num(f.minAge);
  const maxAge = num(f.maxAge);
  const cancel = num(f.cancelDeadlineHours);
  if (minAge !== undefined) body.minAge = minAge;
  if (maxAge !== undefined) body.maxAge = maxAge;
  if (f.residentsOnly) body.residentsOnly = true;
  if (cancel !== undefined) body.cancelDeadlineHours = cancel;
  if (f.waitlist === 'offer') {
    body.waitlist = 'offer';
    const hours = num(f.offerHours);
    if (hours !== undefined) body.offerHours = hours;
  }
  return body;
}

export type PublishErrors = Record<string, string>;

/** Validates with the shared schema; errors keyed by the body's dot path (`place.township`, `endsAt` …). */
export function checkPublish(
  f: PublishForm,
  schoolId: string,
): { ok: true; value: ActivityCreateInput } | { ok: false; errors: PublishErrors } {
  const result = validate(ActivityCreateInputSchema, toActivityInput(f, schoolId));
  if (result.ok) return { ok: true, value: result.value };
  const errors: PublishErrors = {};
  for (const issue of result.issues) errors[issue.field || 'form'] = issue.message;
  return { ok: false, errors };
}

/** The schools a login may publish for: `staff:<id>` and `school-admin:<id>` (a school admin teaches there too). */
export function staffSchools(roles: readonly string[]): string[] {
  return roles.flatMap((r) => /^(?:staff|school-admin):(.+)$/.exec(r)?.[1] ?? []);
}

/** The form filled from a published activity, for editing (a term stays a term: its sessions are fixed). */
export function fromActivity(a: Activity): PublishForm {
  const start = inZone(a.startsAt);
  const end = inZone(a.endsAt);
  const opens = inZone(a.signupOpensAt);
  const closes = inZone(a.signupClosesAt);
  return {
    ...defaultForm(),
    kind: a.kind,
    title: a.title,
    description: a.description,
    county: a.county,
    township: a.place.township,
    village: a.place.village ?? '',
    address: a.place.address,
    mapPoint:
      a.place.latitude !== undefined && a.place.longitude !== undefined
        ? `${a.place.latitude}, ${a.place.longitude}`
        : '',
    timing: a.sessions.length > 1 ? 'weekly' : 'once',
    date: fmtDate(start),
    startTime: fmtTime(start),
    endTime: fmtTime(end),
    capacity: String(a.capacity),
    signupOpensAt: `${fmtDate(opens)} ${fmtTime(opens)}`,
    signupClosesAt: `${fmtDate(closes)} ${fmtTime(closes)}`,
  };
}

/**
 * The PATCH /staff/activities/{id} body: what staff may change after publishing. A term's times come from its
 * schedule, so only a single session's date and times are sent.
 */
export function checkRevise(
  f: PublishForm,
  original: Activity,
): { ok: true; value: ActivityPatchInput } | { ok: false; errors: PublishErrors } {
  const full = toActivityInput(f, original.schoolId);
  const patch: Record<string, unknown> = {
    title: full.title,
    description: full.description,
    place: full.place,
    capacity: full.capacity,
    signupOpensAt: full.signupOpensAt,
    signupClosesAt: full.signupClosesAt,
  };
  if (original.sessions.length <= 1) {
    patch.startsAt = full.startsAt;
    patch.endsAt = full.endsAt;
  }
  const result = validate(ActivityPatchInputSchema, patch);
  if (result.ok) return { ok: true, value: result.value };
  const errors: PublishErrors = {};
  for (const issue of result.issues) errors[issue.field || 'form'] = issue.message;
  return { ok: false, errors };
}
