import type { CheckInResult, Completion, SignupDetail, StatsResponse } from '../../../shared/api';
import type { CheckInInput, EnrolmentInput } from '../../../shared/schemas/staff';
import { DEFAULT_COMPLETION_THRESHOLD } from '../../../shared/schemas/staff';
import { dayjs, inZone, toIso } from '../../../shared/time';
import { canManageSchool, managedSchools, type Caller } from '../access';
import { auditEntry } from '../audit/audit';
import {
  aggregateStats,
  codeExpiry,
  earnsCompletion,
  heldCount,
  isWithinCheckInWindow,
  newCompletionCode,
  openCheckInCode,
  sealCheckInCode,
  sessionForCode,
  summarizeAttendance,
} from './check-in';
import { DomainError } from '../errors';
import type { ActivityRecord, Session } from '../../../shared/schemas/activity';
import type { ActivityStore } from '../activities/ports';
import { isHeld } from '../activities/sessions';
import type { AttendanceStore, SchoolAdminStore } from './ports';
import type { CatalogStore } from '../catalog/ports';
import type { Clock } from '../clock';
import type { CompletionRecord } from '../../../shared/schemas/records';
import type { SignupRecord } from '../../../shared/schemas/signup';
import type { SignupStore } from '../signups/ports';
import { getSignup, insertWalkIn, withPosition } from '../signups/signups';
import type { AttendanceTickInput } from '../../../shared/schemas/staff';
import type { Signup, WalkInInput } from '../../../shared/schemas/signup';
import { CHECK_IN_CLOSES_AFTER_MS, CHECK_IN_OPENS_BEFORE_MS } from './check-in';

export interface AttendanceDeps {
  activities: ActivityStore;
  signups: SignupStore;
  attendance: AttendanceStore;
  catalog: CatalogStore;
  schoolAdmin: SchoolAdminStore;
  clock: Clock;
}

function threshold(activity: ActivityRecord): number {
  return activity.completionThreshold ?? DEFAULT_COMPLETION_THRESHOLD;
}

function hasEnded(activity: ActivityRecord, now: number): boolean {
  return dayjs(activity.endsAt).valueOf() <= now;
}

async function completionOf(deps: AttendanceDeps, record: CompletionRecord): Promise<Completion> {
  const activity = await deps.activities.get(record.activityId);
  const schools = await deps.catalog.listSchools();
  const school = schools.find((s) => s.id === activity?.schoolId);
  return {
    code: record.code,
    attendeeName: record.attendeeName,
    activityId: record.activityId,
    activityTitle: activity?.title ?? '',
    schoolId: activity?.schoolId ?? '',
    schoolName: school?.name ?? '',
    kind: activity?.kind ?? '',
    sessionsAttended: record.sessionsAttended,
    sessionsTotal: record.sessionsTotal,
    hours: record.hours,
    startsAt: activity?.startsAt ?? '',
    endsAt: activity?.endsAt ?? '',
    issuedAt: record.issuedAt,
  };
}

/** Issues the completion record when the activity has ended and the attendance rule is met; else null. */
async function completionFor(
  deps: AttendanceDeps,
  signup: SignupRecord,
  activity: ActivityRecord,
): Promise<Completion | null> {
  if (signup.completionCode) {
    const existing = await deps.attendance.getCompletion(signup.completionCode);
    return existing ? completionOf(deps, existing) : null;
  }
  const now = deps.clock.now();
  if (signup.status !== 'confirmed' || !hasEnded(activity, now)) return null;
  const attendance = summarizeAttendance(
    activity.sessions,
    await deps.attendance.checkInsFor(signup.id),
    threshold(activity),
  );
  if (!earnsCompletion(attendance)) return null;
  const issued = await deps.attendance.issueCompletion({
    code: newCompletionCode(),
    signupId: signup.id,
    activityId: activity.id,
    attendeeName: signup.attendee.name,
    sessionsAttended: attendance.attended,
    sessionsTotal: heldCount(attendance),
    hours: attendance.hours,
    issuedAt: toIso(now),
  });
  return completionOf(deps, issued);
}

/**
 * A sign-up as its owner sees it: the QR payload for the session under way or next (confirmed seats only),
 * the attendance so far, and the completion record once earned.
 */
export async function signupDetail(
  deps: AttendanceDeps,
  caller: Caller,
  id: string,
  secret: string,
): Promise<SignupDetail> {
  const view = await getSignup(deps, caller, id);
  const record = await deps.signups.get(id);
  const activity = record ? await deps.activities.get(record.activityId) : null;
  if (!record || !activity) return view;
  const attendance = summarizeAttendance(
    activity.sessions,
    await deps.attendance.checkInsFor(id),
    threshold(activity),
  );
  const detail: SignupDetail = { ...view, attendance };
  if (record.userId !== caller.userId) return detail;
  if (record.status === 'confirmed' && !activity.cancelled) {
    const index = sessionForCode(activity.sessions, deps.clock.now());
    const session = index === null ? undefined : activity.sessions[index];
    if (index !== null && session) {
      detail.checkInCode = sealCheckInCode(secret, {
        signupId: id,
        sessionIndex: index,
        expiresAt: codeExpiry(session),
      });
      detail.checkInSession = { index, startsAt: session.startsAt, endsAt: session.endsAt };
    }
  }
  detail.completion = await completionFor(deps, record, activity);
  return detail;
}

/** Staff check a confirmed attendee in, once per session; the code is refused if forged, expired or elsewhere. */
export async function checkIn(
  deps: AttendanceDeps,
  caller: Caller,
  input: CheckInInput,
  secret: string,
): Promise<CheckInResult> {
  const now = deps.clock.now();
  const at = input.scannedAt ? dayjs(input.scannedAt).valueOf() : now;
  if (at > now + 5 * 60_000 || at < now - 7 * 24 * 3600_000) {
    throw new DomainError('VALIDATION_FAILED', {
      fields: [{ field: 'scannedAt', message: '扫码时间不正确，请检查手机时间' }],
    });
  }
  const claim = openCheckInCode(secret, input.code);
  if (!claim || claim.expiresAt * 1000 < at) throw new DomainError('INVALID_CODE');
  const signup = await deps.signups.get(claim.signupId);
  if (!signup || signup.status !== 'confirmed') throw new DomainError('INVALID_CODE');
  const activity = await deps.activities.get(signup.activityId);
  if (!activity) throw new DomainError('INVALID_CODE');
  if (!canManageSchool(caller, activity.schoolId)) throw new DomainError('FORBIDDEN');
  const session = activity.sessions[claim.sessionIndex];
  if (session && !isHeld(session)) throw new DomainError('SESSION_CANCELLED');
  if (!session || !isWithinCheckInWindow(session, at)) {
    throw new DomainError('INVALID_CODE', {
      message: '现在不在这次课的签到时间内（开课前 2 小时到结束后 12 小时）',
    });
  }
  return markAttended(deps, caller, signup, activity, claim.sessionIndex, at, 'check-in');
}

/** Writes one attendance (once per session), audited with who marked it and how. */
async function markAttended(
  deps: AttendanceDeps,
  caller: Caller,
  signup: SignupRecord,
  activity: ActivityRecord,
  sessionIndex: number,
  at: number,
  action: 'check-in' | 'tick-off' | 'walk-in',
): Promise<CheckInResult> {
  const session = activity.sessions[sessionIndex];
  if (!session) throw new DomainError('OUTSIDE_CHECK_IN_WINDOW');
  if (!isHeld(session)) throw new DomainError('SESSION_CANCELLED');
  const checkedInAt = toIso(at);
  const outcome = await deps.attendance.recordCheckIn(
    {
      signupId: signup.id,
      activityId: activity.id,
      sessionIndex,
      schoolId: activity.schoolId,
      kind: activity.kind,
      county: activity.county,
      checkedInAt,
      checkedInBy: caller.userId,
    },
    auditEntry(caller, action, `signup:${signup.id}`, null, { sessionIndex, checkedInAt }, deps.clock.now()),
  );
  if (outcome.kind === 'not-confirmed') {
    // A QR code of a seat given up meanwhile is just an invalid code to the scanner.
    throw new DomainError(action === 'check-in' ? 'INVALID_CODE' : 'SIGNUP_NOT_CONFIRMED');
  }
  if (outcome.kind === 'duplicate') {
    throw new DomainError('ALREADY_CHECKED_IN', { details: { checkedInAt: outcome.checkedInAt } });
  }
  return {
    signupId: signup.id,
    attendee: { name: signup.attendee.name },
    activity: { id: activity.id, title: activity.title },
    session: { index: sessionIndex, startsAt: session.startsAt, endsAt: session.endsAt },
    checkedInAt,
  };
}

const windowText = (session: { startsAt: string; endsAt: string }) =>
  `${inZone(dayjs(session.startsAt).valueOf() - CHECK_IN_OPENS_BEFORE_MS).format('M月D日 HH:mm')} 至 ${inZone(
    dayjs(session.endsAt).valueOf() + CHECK_IN_CLOSES_AFTER_MS,
  ).format('M月D日 HH:mm')}`;

/**
 * The session staff mark now: the one on `sessionDate` (Asia/Shanghai), else the one under way or next. Marking
 * keeps the QR check-in's window (2 h before a session to 12 h after), and the refusal says when it is.
 */
function sessionToMark(activity: ActivityRecord, sessionDate: string | undefined, now: number): number {
  const onDate = (s: Session) => inZone(s.startsAt).format('YYYY-MM-DD') === sessionDate;
  const index =
    sessionDate === undefined
      ? sessionForCode(activity.sessions, now)
      : activity.sessions.findIndex((s) => onDate(s) && isHeld(s));
  const session = index === null || index < 0 ? undefined : activity.sessions[index];
  if (sessionDate !== undefined && !session) {
    const cancelled = activity.sessions.find(onDate);
    if (cancelled) {
      throw new DomainError('SESSION_CANCELLED', {
        message: `${sessionDate} 的课已停课${cancelled.cancelReason ? `（${cancelled.cancelReason}）` : ''}，不用签到`,
      });
    }
    throw new DomainError('VALIDATION_FAILED', {
      fields: [{ field: 'sessionDate', message: `${sessionDate} 这天没有这个活动的课` }],
    });
  }
  if (index === null || index < 0 || !session) {
    throw new DomainError('OUTSIDE_CHECK_IN_WINDOW', { message: '这个活动的课都已结束，签到时间已过' });
  }
  if (!isWithinCheckInWindow(session, now)) {
    throw new DomainError('OUTSIDE_CHECK_IN_WINDOW', {
      message: `现在不在这次课的签到时间内，签到时间为 ${windowText(session)}`,
    });
  }
  return index;
}

async function managedActivity(deps: AttendanceDeps, caller: Caller, id: string): Promise<ActivityRecord> {
  const activity = await deps.activities.get(id);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  if (!canManageSchool(caller, activity.schoolId)) throw new DomainError('FORBIDDEN');
  if (activity.cancelled) throw new DomainError('ACTIVITY_CANCELLED');
  return activity;
}

/**
 * 名单签到: staff tick off a confirmed attendee from the roster, for someone without their phone (a villager
 * the cadre signed up, a senior whose phone stayed home). The same school scope and window as the QR code.
 */
export async function tickOff(
  deps: AttendanceDeps,
  caller: Caller,
  activityId: string,
  input: AttendanceTickInput,
): Promise<CheckInResult> {
  const activity = await managedActivity(deps, caller, activityId);
  const signup = await deps.signups.get(input.signupId);
  if (!signup || signup.activityId !== activity.id) throw new DomainError('SIGNUP_NOT_FOUND');
  if (signup.status !== 'confirmed') throw new DomainError('SIGNUP_NOT_CONFIRMED');
  const now = deps.clock.now();
  return markAttended(
    deps,
    caller,
    signup,
    activity,
    sessionToMark(activity, input.sessionDate, now),
    now,
    'tick-off',
  );
}

/**
 * 现场报名: someone who turned up unannounced gets a free seat and is checked in at once, so their 学时 and the
 * school's 培训人次 count. Only inside the check-in window, only with a seat free.
 */
export async function walkIn(
  deps: AttendanceDeps,
  caller: Caller,
  activityId: string,
  input: WalkInInput,
): Promise<Signup> {
  const activity = await managedActivity(deps, caller, activityId);
  const now = deps.clock.now();
  const sessionIndex = sessionToMark(activity, undefined, now);
  const record = await insertWalkIn(deps, activity, input.attendee);
  await markAttended(deps, caller, record, activity, sessionIndex, now, 'walk-in');
  return withPosition(deps, record);
}

/** Issues every earned completion of an ended activity; the scheduled worker calls this. */
export async function issueCompletions(deps: AttendanceDeps, activity: ActivityRecord): Promise<number> {
  if (!hasEnded(activity, deps.clock.now()) || activity.cancelled) return 0;
  let issued = 0;
  for (const signup of await deps.signups.listForActivity(activity.id)) {
    if (signup.status !== 'confirmed' || signup.completionCode) continue;
    if (await completionFor(deps, signup, activity)) issued++;
  }
  return issued;
}

export async function verifyCompletion(deps: AttendanceDeps, code: string): Promise<Completion> {
  const record = await deps.attendance.getCompletion(code);
  if (!record) throw new DomainError('COMPLETION_NOT_FOUND');
  return completionOf(deps, record);
}

export async function setEnrolment(
  deps: AttendanceDeps,
  caller: Caller,
  schoolId: string,
  input: EnrolmentInput,
) {
  if (!(await deps.catalog.listSchools()).some((s) => s.id === schoolId))
    throw new DomainError('NOT_FOUND', { message: '没有找到这所学校' });
  if (!canManageSchool(caller, schoolId)) throw new DomainError('FORBIDDEN');
  const before = await deps.schoolAdmin.getEnrolment(schoolId, input.year);
  await deps.schoolAdmin.putEnrolment(
    schoolId,
    input.year,
    input.students,
    auditEntry(
      caller,
      'set-enrolment',
      `school:${schoolId}`,
      { year: input.year, students: before },
      input,
      deps.clock.now(),
    ),
  );
  return { schoolId, year: input.year, students: input.students };
}

/** The plan's 2× measure: every school for the city admin, the caller's own schools for staff. */
export async function trainingStats(
  deps: AttendanceDeps,
  caller: Caller,
  year: number,
): Promise<StatsResponse> {
  const managed = managedSchools(caller);
  if (managed !== 'all' && managed.length === 0) throw new DomainError('FORBIDDEN');
  const schools = (await deps.catalog.listSchools()).filter(
    (s) => managed === 'all' || managed.includes(s.id),
  );
  const [facts, enrolments] = await Promise.all([
    Promise.all(schools.map((s) => deps.attendance.checkInFacts(s.id, year))).then((lists) => lists.flat()),
    deps.schoolAdmin.enrolments(year),
  ]);
  return aggregateStats(year, schools, facts, enrolments);
}
