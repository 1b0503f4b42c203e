import * as v from 'valibot';
import {
  ActivityCreateInputSchema,
  type Activity,
  type ActivityChange,
  type ActivityCopyInput,
  type ActivityCreateInput,
  type ActivityPatchInput,
  type Session,
  type SessionPatchInput,
} from '../../../shared/schemas/activity';
import type { RosterEntry } from '../../../shared/api';
import { SIGNUP_STATUS_LABELS } from '../../../shared/schemas/signup';
import { dayjs, inZone, toIso } from '../../../shared/time';
import { canManageSchool, managedSchools, type Caller } from '../access';
import { newActivityRecord, toActivityView } from './activity';
import { isHeld, placeOf, samePlace, sessionsOf, spanOf, startOf, withChange } from './sessions';
import { auditEntry, pick } from '../audit/audit';
import { DomainError, validationFailed } from '../errors';
import type { ActivityQuery, ActivityStore } from './ports';
import type { ActivityRecord } from '../../../shared/schemas/activity';
import type { CatalogStore } from '../catalog/ports';
import type { Clock } from '../clock';
import type { Page } from '../../../shared/schemas/common';
import type { SignupRecord } from '../../../shared/schemas/signup';
import type { SignupStore } from '../signups/ports';
import { MAX_SEAT_ATTEMPTS, newActivityId, toSignupView } from '../signups/signup';
import { nextPromotion } from '../signups/signups';

export interface ActivityDeps {
  activities: ActivityStore;
  signups: SignupStore;
  catalog: CatalogStore;
  clock: Clock;
}

export async function listActivities(
  deps: Pick<ActivityDeps, 'activities' | 'clock'>,
  query: Omit<ActivityQuery, 'endsAfter'>,
): Promise<Page<Activity>> {
  const now = deps.clock.now();
  // Without a date range, a list shows what a person can still attend.
  const endsAfter = query.from ? undefined : toIso(now);
  if (query.near) return listNearest(deps, { ...query, near: query.near }, endsAfter, now);
  const page = await deps.activities.list({ ...query, endsAfter });
  return { items: page.items.map((r) => toActivityView(r, now)), nextCursor: page.nextCursor };
}

/** How many upcoming activities 离我最近 weighs: a county's term is a few dozen; the city's, a few hundred. */
const NEAREST_SCAN_LIMIT = 500;

/** Great-circle distance in km (haversine): plenty for "which village hall is nearer". */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.lat - a.lat) / 2) ** 2 +
    Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const offsetCursor = (offset: number) =>
  Buffer.from(JSON.stringify({ n: offset }), 'utf8').toString('base64url');

function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { n?: unknown };
    if (Number.isInteger(parsed.n) && (parsed.n as number) >= 0) return parsed.n as number;
  } catch {
    // fall through: not a cursor of this list
  }
  throw new DomainError('INVALID_CURSOR');
}

/**
 * 离我最近: the activities with a map point, nearest first, then the others in start order. Distance is not an
 * index, so the upcoming activities that match the other filters are read (up to NEAREST_SCAN_LIMIT) and paged
 * by position.
 */
async function listNearest(
  deps: Pick<ActivityDeps, 'activities'>,
  query: Omit<ActivityQuery, 'endsAfter'> & { near: { lat: number; lng: number } },
  endsAfter: string | undefined,
  now: number,
): Promise<Page<Activity>> {
  const offset = offsetOf(query.cursor);
  const records: ActivityRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.activities.list({ ...query, near: undefined, cursor, endsAfter, limit: 100 });
    records.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && records.length < NEAREST_SCAN_LIMIT);
  const views = records.map((r) => {
    const { latitude, longitude } = r.place;
    const km =
      latitude === undefined || longitude === undefined
        ? undefined
        : Math.round(distanceKm(query.near, { lat: latitude, lng: longitude }) * 10) / 10;
    return { ...toActivityView(r, now), ...(km === undefined ? {} : { distanceKm: km }) };
  });
  // A stable sort: those without a point keep their start order after the others.
  const ordered = [...views].sort((a, b) =>
    a.distanceKm === undefined
      ? b.distanceKm === undefined
        ? 0
        : 1
      : b.distanceKm === undefined
        ? -1
        : a.distanceKm - b.distanceKm,
  );
  const items = ordered.slice(offset, offset + query.limit);
  return {
    items,
    nextCursor: offset + query.limit < ordered.length ? offsetCursor(offset + query.limit) : null,
  };
}

export async function getActivity(
  deps: Pick<ActivityDeps, 'activities' | 'clock'>,
  id: string,
): Promise<Activity> {
  const record = await deps.activities.get(id);
  if (!record) throw new DomainError('ACTIVITY_NOT_FOUND');
  return toActivityView(record, deps.clock.now());
}

async function requireManagedActivity(
  deps: Pick<ActivityDeps, 'activities'>,
  caller: Caller,
  id: string,
): Promise<ActivityRecord> {
  const record = await deps.activities.get(id);
  if (!record) throw new DomainError('ACTIVITY_NOT_FOUND');
  if (!canManageSchool(caller, record.schoolId)) throw new DomainError('FORBIDDEN');
  return record;
}

export async function publishActivity(
  deps: ActivityDeps,
  caller: Caller,
  input: ActivityCreateInput,
): Promise<Activity> {
  if (!canManageSchool(caller, input.schoolId)) throw new DomainError('FORBIDDEN');
  const schools = await deps.catalog.listSchools();
  if (!schools.some((s) => s.id === input.schoolId)) {
    throw validationFailed([{ field: 'schoolId', message: '没有这所学校' }]);
  }
  const now = deps.clock.now();
  const record = newActivityRecord(input, { id: newActivityId(now), createdBy: caller.userId, now });
  if (record.sessions.length === 0) {
    throw validationFailed([{ field: 'schedule', message: '按这个安排没有一次课，请检查星期和日期' }]);
  }
  await deps.activities.create(
    record,
    auditEntry(caller, 'publish-activity', `activity:${record.id}`, null, record, now),
  );
  return toActivityView(record, now);
}

/** A term's name from its first class: 2027春季 for classes from February to July, else 秋季. */
export function termOf(firstClass: string): string {
  const at = inZone(firstClass);
  const spring = at.month() >= 1 && at.month() <= 6;
  return `${at.month() === 0 ? at.year() - 1 : at.year()}${spring ? '春季' : '秋季'}`;
}

/**
 * 下一期: copies an activity to new dates with the same content, school and rules, linked both ways (previousId,
 * nextActivityId) so the previous term's people are offered 续报. A weekly term's classes follow the new first
 * class's weekday and times through to the last class's date, skipping `skipDates`.
 */
export async function copyActivity(
  deps: ActivityDeps,
  caller: Caller,
  id: string,
  input: ActivityCopyInput,
): Promise<Activity> {
  const original = await requireManagedActivity(deps, caller, id);
  const first = inZone(input.startsAt);
  const last = inZone(input.endsAt);
  const weekly = original.sessions.length > 1;
  const candidate = {
    kind: original.kind,
    title: original.title,
    description: original.description,
    schoolId: original.schoolId,
    county: original.county,
    place: original.place,
    capacity: original.capacity,
    completionThreshold: original.completionThreshold,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    signupOpensAt: input.signupOpensAt,
    signupClosesAt: input.signupClosesAt,
    ...(weekly
      ? {
          schedule: {
            weekday: first.day() === 0 ? 7 : first.day(),
            startTime: first.format('HH:mm'),
            endTime: last.format('HH:mm'),
            firstDate: first.format('YYYY-MM-DD'),
            lastDate: last.format('YYYY-MM-DD'),
            skipDates: input.skipDates ?? [],
          },
        }
      : {}),
    ...(original.enrolment === 'lottery' ? { enrolment: 'lottery', drawAt: input.signupClosesAt } : {}),
    ...Object.fromEntries(
      (
        [
          'minAge',
          'maxAge',
          'consentAboveAge',
          'cancelDeadlineHours',
          'offerHours',
          'certificateId',
          'certificateLevel',
        ] as const
      ).flatMap((k) => (original[k] === null ? [] : [[k, original[k]]])),
    ),
    residentsOnly: original.residentsOnly,
    waitlist: original.waitlist,
    ...(original.term && original.termLimit
      ? { term: input.term ?? termOf(input.startsAt), termLimit: original.termLimit }
      : {}),
  };
  const parsed = v.safeParse(ActivityCreateInputSchema, candidate);
  if (!parsed.success) {
    throw validationFailed(
      parsed.issues.map((i) => ({
        field: i.path?.map((p) => String(p.key)).join('.') ?? '',
        message: i.message,
      })),
    );
  }
  const now = deps.clock.now();
  const made = newActivityRecord(parsed.output, { id: newActivityId(now), createdBy: caller.userId, now });
  if (made.sessions.length === 0) {
    throw validationFailed([{ field: 'startsAt', message: '按这些日期没有一次课，请检查开始和结束日期' }]);
  }
  const record = { ...made, previousId: original.id };
  await deps.activities.create(
    record,
    auditEntry(caller, 'copy-activity', `activity:${record.id}`, { previousId: original.id }, record, now),
  );
  await deps.activities.update(original.id, { nextActivityId: record.id, updatedAt: toIso(now) }, 0);
  return toActivityView(record, now);
}

/** Tries of a change written over the change number it read, before it answers EDIT_CONFLICT. */
const CHANGE_ATTEMPTS = 5;

/**
 * Edits a published activity. Capacity may grow (the waitlist moves up into the new seats at once) but
 * never shrink below the seats already promised. A new time of a single class, or a new place, is a change
 * everyone signed up is told of (the worker's next run queues it).
 */
export async function reviseActivity(
  deps: ActivityDeps,
  caller: Caller,
  id: string,
  patch: ActivityPatchInput,
  attempt = 1,
): Promise<Activity> {
  const current = await requireManagedActivity(deps, caller, id);
  const merged = { ...current, ...patch };
  const startsAt = toIso(merged.startsAt);
  const endsAt = toIso(merged.endsAt);
  const issues = [];
  if (!dayjs(endsAt).isAfter(startsAt)) issues.push({ field: 'endsAt', message: '结束时间应晚于开始时间' });
  if (!dayjs(merged.signupClosesAt).isAfter(merged.signupOpensAt)) {
    issues.push({ field: 'signupClosesAt', message: '报名截止时间应晚于报名开始时间' });
  }
  if (issues.length > 0) throw validationFailed(issues);

  const changes: Partial<ActivityRecord> = { ...patch, updatedAt: toIso(deps.clock.now()) };
  for (const field of ['startsAt', 'endsAt', 'signupOpensAt', 'signupClosesAt'] as const) {
    const value = patch[field];
    if (value) changes[field] = toIso(value);
  }
  // A single-session activity's one session follows its times; a term's sessions come from its schedule.
  const single = current.sessions.length <= 1;
  if ((patch.startsAt || patch.endsAt) && single)
    changes.sessions = [{ ...current.sessions[0], startsAt, endsAt }];
  // What the people signed up are told: the class moved, the place changed (not a form saved unchanged).
  const what: Array<'time' | 'place'> = [];
  if (
    single &&
    (dayjs(startsAt).valueOf() !== dayjs(current.startsAt).valueOf() ||
      dayjs(endsAt).valueOf() !== dayjs(current.endsAt).valueOf())
  )
    what.push('time');
  if (patch.place && !samePlace(patch.place, current.place)) what.push('place');
  if (what.length > 0)
    Object.assign(
      changes,
      withChange(current, { session: single ? 0 : null, what, at: toIso(deps.clock.now()) }),
    );
  // The audit keeps what changed, not the change log.
  const { changes: _log, ...audited } = changes;
  const audit = auditEntry(
    caller,
    'revise-activity',
    `activity:${id}`,
    pick(current, Object.keys(audited)),
    audited,
    deps.clock.now(),
  );
  // New times may open a reminder window or move the draw: the worker looks again at its next run.
  const timing = ['startsAt', 'endsAt', 'sessions', 'drawAt', 'changeSeq'].some((f) => f in changes);
  const result = await deps.activities.update(
    id,
    timing ? { ...changes, wakeAt: toIso(deps.clock.now()) } : changes,
    patch.capacity ?? 0,
    audit,
    // The sessions and the change log are written whole: only over the change number read.
    'sessions' in changes || 'changeSeq' in changes ? current.changeSeq : undefined,
  );
  if (result === 'missing') throw new DomainError('ACTIVITY_NOT_FOUND');
  if (result === 'capacity-below-confirmed') throw new DomainError('CAPACITY_BELOW_CONFIRMED');
  if (result === 'changed') {
    if (attempt >= CHANGE_ATTEMPTS) throw new DomainError('EDIT_CONFLICT');
    return reviseActivity(deps, caller, id, patch, attempt + 1);
  }
  if (patch.capacity !== undefined && patch.capacity > current.capacity) await fillFreedSeats(deps, id);
  return toActivityView((await deps.activities.get(id)) ?? { ...current, ...changes }, deps.clock.now());
}

/**
 * PATCH /staff/activities/{id}/sessions/{index}: moves one class (its times, its place), or cancels it (停课)
 * with a reason. The class keeps its index; a cancelled one stays in the list, marked, and no longer counts.
 * Everyone who holds or waits for a place is told at the worker's next run (one message per change: its
 * outbox id names the class and the change number). The same request repeated changes nothing and tells
 * nobody twice. The activity's own times follow its first and last classes still held.
 */
export async function reviseSession(
  deps: ActivityDeps,
  caller: Caller,
  id: string,
  index: number,
  input: SessionPatchInput,
): Promise<Activity> {
  for (let attempt = 1; attempt <= CHANGE_ATTEMPTS; attempt++) {
    const current = await requireManagedActivity(deps, caller, id);
    if (current.cancelled) throw new DomainError('ACTIVITY_CANCELLED');
    const sessions = sessionsOf(current);
    const session = sessions[index];
    if (!session) {
      throw new DomainError('SESSION_NOT_FOUND', {
        message: `这个活动只有 ${sessions.length} 次课，没有第 ${index + 1} 次（课次从 0 数起）`,
      });
    }
    const now = deps.clock.now();
    const revised = revisedSession(current, sessions, index, input, now);
    if (!revised) return toActivityView(current, now);
    const { next, what } = revised;
    // A single class's place is the activity's own: the lists and the page show it.
    const single = sessions.length === 1;
    const { place: movedTo, ...rest } = next;
    const list = sessions.map((s, i) => (i !== index ? s : single ? rest : next));
    const changes: Partial<ActivityRecord> = {
      sessions: list,
      ...(single && movedTo ? { place: movedTo } : {}),
      ...(spanOf(list) ?? {}),
      ...withChange(current, { session: index, what, at: toIso(now) }),
      // On the agenda at once: the worker's next run tells everyone, and moves the reminders.
      wakeAt: toIso(now),
      updatedAt: toIso(now),
    };
    const audit = auditEntry(
      caller,
      input.cancelled ? 'cancel-session' : 'revise-session',
      `activity:${id}`,
      { session: index, ...session },
      { session: index, ...next },
      now,
    );
    const result = await deps.activities.update(id, changes, 0, audit, current.changeSeq);
    if (result === 'missing') throw new DomainError('ACTIVITY_NOT_FOUND');
    if (result === 'updated') {
      return toActivityView((await deps.activities.get(id)) ?? { ...current, ...changes }, now);
    }
    // Another change came first: read again and apply this one over it.
  }
  throw new DomainError('EDIT_CONFLICT');
}

/**
 * The class after the patch, and what changed; null when nothing does (the same request again). Refuses a class
 * already cancelled or begun, a time that puts it out of order with the classes held before and after it, and
 * cancelling the last class still held (cancel the activity instead).
 */
function revisedSession(
  activity: ActivityRecord,
  sessions: Session[],
  index: number,
  input: SessionPatchInput,
  now: number,
): { next: Session; what: ActivityChange['what'] } | null {
  const session = sessions[index] as Session;
  if (!isHeld(session)) {
    if (input.cancelled) return null;
    throw new DomainError('SESSION_CANCELLED', { message: '这次课已经停课，不能再修改' });
  }
  const field = input.cancelled
    ? 'cancelled'
    : input.startsAt
      ? 'startsAt'
      : input.endsAt
        ? 'endsAt'
        : 'place';
  if (startOf(session) <= now) {
    throw validationFailed([{ field, message: '这次课已经开始或结束了，不能再修改或停课' }]);
  }
  if (input.cancelled) {
    if (!sessions.some((s, i) => i !== index && isHeld(s))) {
      throw validationFailed([
        { field: 'cancelled', message: '这是唯一还要上的一次课：请取消整个活动，报名的人会收到通知' },
      ]);
    }
    return { next: { ...session, cancelled: true, cancelReason: input.reason }, what: ['cancelled'] };
  }
  const startsAt = input.startsAt ? toIso(input.startsAt) : session.startsAt;
  const endsAt = input.endsAt ? toIso(input.endsAt) : session.endsAt;
  const start = dayjs(startsAt).valueOf();
  const issues = [];
  if (dayjs(endsAt).valueOf() <= start) issues.push({ field: 'endsAt', message: '结束时间应晚于开始时间' });
  if (start <= now) issues.push({ field: 'startsAt', message: '新的上课时间已经过去了' });
  const before = sessions.slice(0, index).filter(isHeld).at(-1);
  const after = sessions.slice(index + 1).find(isHeld);
  const n = (s: Session) => sessions.indexOf(s) + 1;
  if (before && start < dayjs(before.endsAt).valueOf()) {
    issues.push({ field: 'startsAt', message: `要排在第 ${n(before)} 次课结束之后` });
  }
  if (after && dayjs(endsAt).valueOf() > startOf(after)) {
    issues.push({ field: 'endsAt', message: `要排在第 ${n(after)} 次课开始之前` });
  }
  if (issues.length > 0) throw validationFailed(issues);
  const what: ActivityChange['what'] = [];
  if (start !== startOf(session) || dayjs(endsAt).valueOf() !== dayjs(session.endsAt).valueOf())
    what.push('time');
  const place = placeOf(activity, session);
  if (input.place && !samePlace(input.place, place)) what.push('place');
  if (what.length === 0) return null;
  return {
    next: {
      ...session,
      startsAt,
      endsAt,
      ...(what.includes('place') && input.place ? { place: input.place } : {}),
    },
    what,
  };
}

async function fillFreedSeats(deps: ActivityDeps, activityId: string): Promise<void> {
  for (let attempt = 0; attempt < MAX_SEAT_ATTEMPTS * 50; attempt++) {
    const activity = await deps.activities.get(activityId);
    if (!activity || activity.confirmedCount >= activity.capacity || activity.waitlistCount === 0) return;
    const next = await nextPromotion(deps, activity);
    if (!next) return;
    await deps.signups.promote(activityId, next, toIso(deps.clock.now()));
  }
}

export async function listManagedActivities(deps: ActivityDeps, caller: Caller): Promise<Page<Activity>> {
  const schools = managedSchools(caller);
  if (schools !== 'all' && schools.length === 0) throw new DomainError('FORBIDDEN');
  const now = deps.clock.now();
  const records = await deps.activities.listBySchool(schools);
  return { items: records.map((r) => toActivityView(r, now)), nextCursor: null };
}

/** Staff of the organising school see everyone with full phone numbers: confirmed first, then the waitlist in order. */
export async function roster(
  deps: ActivityDeps,
  caller: Caller,
  activityId: string,
): Promise<{ items: RosterEntry[] }> {
  await requireManagedActivity(deps, caller, activityId);
  const records = await deps.signups.listForActivity(activityId);
  const rank: Record<SignupRecord['status'], number> = {
    confirmed: 0,
    offered: 1,
    waitlisted: 2,
    applied: 3,
    cancelled: 4,
    expired: 5,
  };
  const sorted = [...records].sort((a, b) => rank[a.status] - rank[b.status] || (a.id < b.id ? -1 : 1));
  let position = 0;
  return {
    items: sorted.map((r) => ({
      ...toSignupView(r, r.status === 'waitlisted' ? ++position : undefined),
      checkInCount: r.checkInCount ?? 0,
    })),
  };
}

/** Cancels a published activity with a reason every signed-up person then sees on their sign-up. */
export async function cancelActivity(
  deps: ActivityDeps,
  caller: Caller,
  id: string,
  reason: string,
): Promise<Activity> {
  const current = await requireManagedActivity(deps, caller, id);
  const now = deps.clock.now();
  const audit = auditEntry(
    caller,
    'cancel-activity',
    `activity:${id}`,
    { cancelled: false },
    { cancelled: true, reason },
    now,
  );
  const result = await deps.activities.cancel(id, reason, toIso(now), audit);
  if (result === 'missing') throw new DomainError('ACTIVITY_NOT_FOUND');
  if (result === 'already-cancelled') throw new DomainError('ACTIVITY_ALREADY_CANCELLED');
  return toActivityView({ ...current, cancelled: true, cancelReason: reason, updatedAt: toIso(now) }, now);
}

const CSV_HEADERS = [
  '序号',
  '姓名',
  '手机号',
  '状态',
  '候补位次',
  '出生年份',
  '所在村屯',
  '签到次数',
  '报名时间',
];

function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  // A cell Excel would run as a formula is written as text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The roster as Excel opens it correctly: UTF-8 with a BOM, Chinese headers, CRLF lines. */
export function rosterCsv(entries: RosterEntry[]): string {
  const rows = entries.map((e, i) => [
    i + 1,
    e.attendee.name,
    e.attendee.phone,
    SIGNUP_STATUS_LABELS[e.status],
    e.waitlistPosition,
    e.attendee.birthYear,
    e.attendee.village,
    e.checkInCount ?? 0,
    e.createdAt.replace('T', ' ').slice(0, 16),
  ]);
  return `\uFEFF${[CSV_HEADERS, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
