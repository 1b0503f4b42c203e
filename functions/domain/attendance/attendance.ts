import type { CheckInResult, Completion, SignupDetail, StatsResponse } from '../../../shared/api';
import type { CheckInInput, EnrolmentInput } from '../../../shared/schemas/staff';
import { DEFAULT_COMPLETION_THRESHOLD } from '../../../shared/schemas/staff';
import { dayjs, toIso } from '../../../shared/time';
import { canManageSchool, managedSchools, type Caller } from '../access';
import { auditEntry } from '../audit/audit';
import {
  aggregateStats,
  codeExpiry,
  earnsCompletion,
  isWithinCheckInWindow,
  newCompletionCode,
  openCheckInCode,
  sealCheckInCode,
  sessionForCode,
  summarizeAttendance,
} from './check-in';
import { DomainError } from '../errors';
import type { ActivityRecord } from '../../../shared/schemas/activity';
import type { ActivityStore } from '../activities/ports';
import type { AttendanceStore, SchoolAdminStore } from './ports';
import type { CatalogStore } from '../catalog/ports';
import type { Clock } from '../clock';
import type { CompletionRecord } from '../../../shared/schemas/records';
import type { SignupRecord } from '../../../shared/schemas/signup';
import type { SignupStore } from '../signups/ports';
import { getSignup } from '../signups/signups';

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
    sessionsTotal: attendance.sessions.length,
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
      detail.checkInSession = { index, ...session };
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
  if (!session || !isWithinCheckInWindow(session, at)) {
    throw new DomainError('INVALID_CODE', {
      message: '现在不在这次课的签到时间内（开课前 2 小时到结束后 12 小时）',
    });
  }
  const checkedInAt = toIso(at);
  const outcome = await deps.attendance.recordCheckIn(
    {
      signupId: signup.id,
      activityId: activity.id,
      sessionIndex: claim.sessionIndex,
      schoolId: activity.schoolId,
      kind: activity.kind,
      county: activity.county,
      checkedInAt,
      checkedInBy: caller.userId,
    },
    auditEntry(
      caller,
      'check-in',
      `signup:${signup.id}`,
      null,
      { sessionIndex: claim.sessionIndex, checkedInAt },
      now,
    ),
  );
  if (outcome.kind === 'not-confirmed') throw new DomainError('INVALID_CODE');
  if (outcome.kind === 'duplicate') {
    throw new DomainError('ALREADY_CHECKED_IN', { details: { checkedInAt: outcome.checkedInAt } });
  }
  return {
    signupId: signup.id,
    attendee: { name: signup.attendee.name },
    activity: { id: activity.id, title: activity.title },
    session: { index: claim.sessionIndex, ...session },
    checkedInAt,
  };
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
