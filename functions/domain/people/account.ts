import type { ClosedAccount, MyData } from '../../../shared/api';
import type { SignupRecord } from '../../../shared/schemas/signup';
import { dayjs, toIso } from '../../../shared/time';
import type { Caller } from '../access';
import type { ActivityStore } from '../activities/ports';
import type { AttendanceStore } from '../attendance/ports';
import { auditEntry } from '../audit/audit';
import type { Clock } from '../clock';
import { DomainError } from '../errors';
import type { FamilyStore } from '../family/ports';
import type { SubscriptionStore } from '../messaging/ports';
import type { SignupStore } from '../signups/ports';
import { toSignupView } from '../signups/signup';
import { cancelRecord } from '../signups/signups';
import type { UserStore } from './ports';

/**
 * A person's rights over what is stored about them (PIPL Art. 45 and 47): to see all of it, and to leave. What
 * they leave behind that others rely on stays, without their name: a school's 培训人次 and a completion's 学时
 * keep counting; the seats they held go to the next person waiting.
 */
export interface AccountDeps {
  users: UserStore;
  signups: SignupStore;
  activities: ActivityStore;
  attendance: AttendanceStore;
  family: FamilyStore;
  subscriptions: SubscriptionStore;
  clock: Clock;
}

/** How a closed account's sign-ups read on rosters, CSVs and completion records. */
export const CLOSED_ACCOUNT_NAME = '已注销用户';

const HELD = new Set<SignupRecord['status']>(['confirmed', 'offered', 'waitlisted', 'applied']);

async function everySignup(deps: Pick<AccountDeps, 'signups'>, userId: string): Promise<SignupRecord[]> {
  const all: SignupRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.signups.listMine(userId, cursor, 100);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** GET /me/export: the profile, family members, sign-ups with their activities and attendance, subscriptions. */
export async function exportMyData(deps: AccountDeps, caller: Caller): Promise<MyData> {
  const [user, familyMembers, signups, subscriptions] = await Promise.all([
    deps.users.get(caller.userId),
    deps.family.list(caller.userId),
    everySignup(deps, caller.userId),
    deps.subscriptions.balance(caller.userId),
  ]);
  const withActivities = await Promise.all(
    signups.map(async (record) => {
      const [activity, attendance] = await Promise.all([
        deps.activities.get(record.activityId),
        deps.attendance.checkInsFor(record.id),
      ]);
      return {
        ...toSignupView(record),
        activity: activity
          ? {
              id: activity.id,
              title: activity.title,
              kind: activity.kind,
              schoolId: activity.schoolId,
              startsAt: activity.startsAt,
              endsAt: activity.endsAt,
              place: activity.place,
            }
          : null,
        attendance,
        completionCode: record.completionCode ?? null,
      };
    }),
  );
  return {
    exportedAt: toIso(deps.clock.now()),
    profile: {
      userId: caller.userId,
      shortId: user?.shortId ?? null,
      roles: user?.roles ?? ['user'],
      createdAt: user?.createdAt ?? '',
      wechatLinked: !!user?.openId,
    },
    familyMembers,
    signups: withActivities,
    subscriptions,
  };
}

/**
 * DELETE /me (注销). Staff first leave their schools (a school's people are its admins' to change). Then every
 * seat or place still ahead is given up as on any cancellation (the first waitlisted person moves up), names and
 * phones are written over on every sign-up and completion, the family list and subscriptions go, and the
 * profile keeps only its id and when it closed, so tokens issued before answer 401.
 */
export async function closeAccount(deps: AccountDeps, caller: Caller): Promise<ClosedAccount> {
  const user = await deps.users.get(caller.userId);
  if (user && user.roles.some((r) => r !== 'user')) throw new DomainError('ACCOUNT_HAS_ROLES');
  const now = deps.clock.now();
  let released = 0;
  const signups = await everySignup(deps, caller.userId);
  for (const record of signups) {
    if (!HELD.has(record.status)) continue;
    const activity = await deps.activities.get(record.activityId);
    if (!activity || activity.cancelled || dayjs(activity.endsAt).valueOf() <= now) continue;
    // Before the name goes: the seat's lock is keyed by the attendee.
    await cancelRecord(deps, record, activity);
    released++;
  }
  const at = toIso(deps.clock.now());
  for (const record of signups) {
    await deps.signups.anonymize(record.id, { name: CLOSED_ACCOUNT_NAME, phone: '' }, at);
    if (record.completionCode)
      await deps.attendance.anonymizeCompletion(record.completionCode, CLOSED_ACCOUNT_NAME);
  }
  for (const member of await deps.family.list(caller.userId))
    await deps.family.remove(caller.userId, member.id);
  await deps.subscriptions.forget(caller.userId);
  if (user) {
    await deps.users.close(
      caller.userId,
      at,
      auditEntry(
        caller,
        'close-account',
        `user:${caller.userId}`,
        null,
        { released, anonymized: signups.length },
        now,
      ),
    );
  }
  return { closedAt: at, released, anonymized: signups.length };
}
