import type {
  Activity,
  ActivityCreateInput,
  ActivityStatus,
  Session,
  WeeklySchedule,
} from '../../shared/schemas/activity';
import { dayjs, toIso, ZONE } from '../../shared/time';
import type { ActivityRecord } from './ports';
import { DEFAULT_COMPLETION_THRESHOLD } from '../../shared/schemas/staff';

/** Open only inside the sign-up window and before the activity ends; cancellation overrides everything. */
export function activityStatus(record: ActivityRecord, now: number): ActivityStatus {
  if (record.cancelled) return 'cancelled';
  return isSignupWindowOpen(record, now) ? 'open' : 'closed';
}

export function isSignupWindowOpen(
  record: Pick<ActivityRecord, 'signupOpensAt' | 'signupClosesAt' | 'endsAt'>,
  now: number,
): boolean {
  return (
    now >= dayjs(record.signupOpensAt).valueOf() &&
    now < dayjs(record.signupClosesAt).valueOf() &&
    now < dayjs(record.endsAt).valueOf()
  );
}

export function toActivityView(record: ActivityRecord, now: number): Activity {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    description: record.description,
    schoolId: record.schoolId,
    county: record.county,
    place: record.place,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    sessions: record.sessions,
    capacity: record.capacity,
    seatsLeft: Math.max(0, record.capacity - record.confirmedCount),
    waitlistLength: record.waitlistCount,
    signupOpensAt: record.signupOpensAt,
    signupClosesAt: record.signupClosesAt,
    status: activityStatus(record, now),
    cancelReason: record.cancelReason,
    checkInCount: record.checkInCount ?? 0,
    completionThreshold: record.completionThreshold ?? DEFAULT_COMPLETION_THRESHOLD,
    sample: record.sample,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** Every week's class of a term, skipping the dates the school names (holidays). */
export function expandWeeklySchedule(schedule: WeeklySchedule): Session[] {
  const skip = new Set(schedule.skipDates);
  const last = dayjs.tz(schedule.lastDate, ZONE).endOf('day');
  let day = dayjs.tz(schedule.firstDate, ZONE);
  // dayjs: Sunday is 0; the schedule says 1–7 with 7 for Sunday.
  const target = schedule.weekday % 7;
  while (day.day() !== target) day = day.add(1, 'day');
  const sessions: Session[] = [];
  for (; !day.isAfter(last) && sessions.length < 60; day = day.add(7, 'day')) {
    const date = day.format('YYYY-MM-DD');
    if (skip.has(date)) continue;
    sessions.push({
      startsAt: toIso(dayjs.tz(`${date} ${schedule.startTime}`, ZONE)),
      endsAt: toIso(dayjs.tz(`${date} ${schedule.endTime}`, ZONE)),
    });
  }
  return sessions;
}

/** Builds the stored record of a newly published activity; times are normalised to +08:00. */
export function newActivityRecord(
  input: ActivityCreateInput,
  meta: { id: string; createdBy: string; now: number; sample?: boolean },
): ActivityRecord {
  const sessions = input.schedule
    ? expandWeeklySchedule(input.schedule)
    : [{ startsAt: toIso(input.startsAt), endsAt: toIso(input.endsAt) }];
  const first = sessions[0];
  const last = sessions[sessions.length - 1];
  const createdAt = toIso(meta.now);
  return {
    id: meta.id,
    kind: input.kind,
    title: input.title,
    description: input.description,
    schoolId: input.schoolId,
    county: input.county,
    place: input.place,
    startsAt: first ? first.startsAt : toIso(input.startsAt),
    endsAt: last ? last.endsAt : toIso(input.endsAt),
    sessions,
    capacity: input.capacity,
    confirmedCount: 0,
    waitlistCount: 0,
    signupOpensAt: toIso(input.signupOpensAt),
    signupClosesAt: toIso(input.signupClosesAt),
    cancelled: false,
    cancelReason: null,
    checkInCount: 0,
    completionThreshold: input.completionThreshold ?? DEFAULT_COMPLETION_THRESHOLD,
    sample: meta.sample ?? false,
    createdAt,
    updatedAt: createdAt,
    createdBy: meta.createdBy,
  };
}
