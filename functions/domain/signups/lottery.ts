import { maskName } from '../../../shared/privacy';
import { dayjs, toIso } from '../../../shared/time';
import { canManageSchool, type Caller } from '../access';
import { auditEntry } from '../audit/audit';
import { DomainError } from '../errors';
import { drawMessages } from '../messaging/notify';
import type { ActivityRecord } from '../../../shared/schemas/activity';
import type { ActivityStore } from '../activities/ports';
import type { Clock } from '../clock';
import type { SignupRecord } from '../../../shared/schemas/signup';
import type { SignupStore } from './ports';
import { allocate, drawnRank, drawOrder } from './rules';
import type { Draw } from '../../../shared/api';

export interface LotteryDeps {
  activities: ActivityStore;
  signups: SignupStore;
  clock: Clock;
}

/**
 * Runs the draw: exactly `capacity` applicants are confirmed and the rest waitlisted in drawn order. The
 * order is a pure function of the seed and the sign-up ids, so a draw interrupted half-way is simply run again.
 */
export async function runDraw(
  deps: LotteryDeps,
  activity: ActivityRecord,
  actor: Caller | null,
): Promise<Draw> {
  if (activity.enrolment !== 'lottery' || !activity.lotterySeed) throw new DomainError('NOT_A_LOTTERY');
  if (activity.drawnAt) throw new DomainError('ALREADY_DRAWN');
  const applicants = (await deps.signups.listForActivity(activity.id)).filter((s) =>
    ['applied', 'confirmed', 'waitlisted'].includes(s.status),
  );
  const order = drawOrder(
    activity.lotterySeed,
    applicants.map((a) => a.id),
  );
  const drawTime = deps.clock.now();
  const now = toIso(drawTime);
  if ((await deps.activities.beginDraw(activity.id, now, order)) === 'already-drawn')
    throw new DomainError('ALREADY_DRAWN');
  const { confirmed, waitlisted } = allocate(order, activity.capacity);
  const byId = new Map(applicants.map((a) => [a.id, a]));
  // Each result is queued with the write that decides it, so it is told exactly once.
  const result = (id: string, status: 'confirmed' | 'waitlisted', position: number) => ({
    id,
    status,
    rank: drawnRank(position),
    messages: drawMessages(activity, byId.get(id) as SignupRecord, status, drawTime),
  });
  await deps.signups.applyDraw(
    [
      ...confirmed.map((id, i) => result(id, 'confirmed', i + 1)),
      ...waitlisted.map((id, i) => result(id, 'waitlisted', confirmed.length + i + 1)),
    ],
    now,
  );
  // Count what was written: someone who cancelled during the draw keeps the cancellation, not a seat.
  const after = await deps.signups.listForActivity(activity.id);
  await deps.activities.finishDraw(
    activity.id,
    {
      confirmed: after.filter((s) => s.status === 'confirmed').length,
      waitlisted: after.filter((s) => s.status === 'waitlisted').length,
    },
    now,
  );
  if (actor) {
    await deps.activities.update(
      activity.id,
      { updatedAt: now },
      0,
      auditEntry(
        actor,
        'run-draw',
        `activity:${activity.id}`,
        { drawnAt: null },
        { drawnAt: now, applicants: order.length },
        deps.clock.now(),
      ),
    );
  }
  const fresh = await deps.activities.get(activity.id);
  return drawView(deps, fresh ?? activity);
}

/** 开始摇号 pressed by the organising school's staff. */
export async function drawNow(deps: LotteryDeps, caller: Caller, activityId: string): Promise<Draw> {
  const activity = await deps.activities.get(activityId);
  if (!activity) throw new DomainError('ACTIVITY_NOT_FOUND');
  if (!canManageSchool(caller, activity.schoolId)) throw new DomainError('FORBIDDEN');
  return runDraw(deps, activity, caller);
}

/** Lotteries whose draw time has come; the scheduled worker draws them. */
export function isDue(activity: ActivityRecord, now: number): boolean {
  return (
    activity.enrolment === 'lottery' &&
    !activity.drawnAt &&
    !activity.cancelled &&
    activity.drawAt != null &&
    dayjs(activity.drawAt).valueOf() <= now
  );
}

export async function drawView(deps: Pick<LotteryDeps, 'signups'>, activity: ActivityRecord): Promise<Draw> {
  if (activity.enrolment !== 'lottery') throw new DomainError('NOT_A_LOTTERY');
  const base = {
    commitment: activity.drawCommitment ?? null,
    drawAt: activity.drawAt ?? null,
    drawnAt: activity.drawnAt ?? null,
  };
  if (!activity.drawnAt) return { ...base, seed: null, order: [] };
  const byId = new Map((await deps.signups.listForActivity(activity.id)).map((s) => [s.id, s]));
  const order = (activity.drawOrder ?? []).map((id, i) => {
    const s = byId.get(id);
    const result: 'confirmed' | 'waitlisted' | 'cancelled' =
      i < activity.capacity ? 'confirmed' : s?.status === 'cancelled' ? 'cancelled' : 'waitlisted';
    return { position: i + 1, signupId: id, name: s ? maskName(s.attendee.name) : '*', result };
  });
  return { ...base, seed: activity.lotterySeed ?? null, order };
}
