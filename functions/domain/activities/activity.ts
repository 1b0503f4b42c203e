import * as v from 'valibot';
import {
  ActivityRecordSchema,
  ActivitySchema,
  type Activity,
  type ActivityCreateInput,
  type ActivityStatus,
  type Session,
  type WeeklySchedule,
} from '../../../shared/schemas/activity';
import { dayjs, toIso, ZONE } from '../../../shared/time';
import type { ActivityRecord } from '../../../shared/schemas/activity';
import { nextWakeUp } from './agenda';
import { commitmentOf, newLotterySeed, offerHoursOf } from '../signups/rules';

/** Open only inside the sign-up window and before the activity ends; cancellation overrides everything. */
export function activityStatus(record: ActivityRecord, now: number): ActivityStatus {
  if (record.cancelled) return 'cancelled';
  return isSignupWindowOpen(record, now) ? 'open' : 'closed';
}

/**
 * The sign-up window, declared once: sign-ups are taken while the activity is not cancelled, at or after each
 * `from` time and before each `until` time. isSignupWindowOpen reads it, and the store builds the condition of
 * its seat write from it (store/signup-store.ts), so the check and the guard cannot disagree.
 */
export const SIGNUP_WINDOW = {
  from: ['signupOpensAt'],
  until: ['signupClosesAt', 'endsAt'],
} as const satisfies Record<'from' | 'until', ReadonlyArray<keyof ActivityRecord>>;

type WindowFields = Pick<ActivityRecord, 'signupOpensAt' | 'signupClosesAt' | 'endsAt'> & {
  cancelled?: boolean;
};

export function isSignupWindowOpen(record: WindowFields, now: number): boolean {
  if (record.cancelled) return false;
  return (
    SIGNUP_WINDOW.from.every((field) => now >= dayjs(record[field]).valueOf()) &&
    SIGNUP_WINDOW.until.every((field) => now < dayjs(record[field]).valueOf())
  );
}

/** The API's view: the record's public fields (the schema drops counters and secrets), and what they mean. */
export function toActivityView(record: ActivityRecord, now: number): Activity {
  return v.parse(ActivitySchema, {
    ...record,
    seatsLeft: Math.max(0, record.capacity - record.confirmedCount),
    waitlistLength: record.waitlistCount,
    status: activityStatus(record, now),
    offerHours: offerHoursOf(record),
  });
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

/** A lottery commits to its secret seed when it is published; the seed is revealed at the draw. */
function lotteryFields(drawAt: string) {
  const seed = newLotterySeed();
  return { drawAt: toIso(drawAt), lotterySeed: seed, drawCommitment: commitmentOf(seed), drawnAt: null };
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
  // The rules as the school gave them; the record schema's defaults fill in what it left out.
  const record = v.parse(ActivityRecordSchema, {
    ...input,
    id: meta.id,
    startsAt: first ? first.startsAt : toIso(input.startsAt),
    endsAt: last ? last.endsAt : toIso(input.endsAt),
    sessions,
    confirmedCount: 0,
    waitlistCount: 0,
    signupOpensAt: toIso(input.signupOpensAt),
    signupClosesAt: toIso(input.signupClosesAt),
    ...(input.enrolment === 'lottery' ? lotteryFields(input.drawAt ?? input.signupClosesAt) : {}),
    offerHours: offerHoursOf(input),
    sample: meta.sample ?? false,
    createdAt,
    updatedAt: createdAt,
    createdBy: meta.createdBy,
  });
  const wake = nextWakeUp(record, meta.now);
  return { ...record, wakeAt: wake === null ? null : toIso(wake) };
}
