import type { stores } from '../../../functions/store';
import { schoolOfRole } from '../../../functions/domain/access';
import type { MemberRecord, UserRecord } from '../../../shared/schemas/records';
import { createMemoryActivityStore } from './activity-store';
import { createMemoryAttendanceStore } from './attendance-store';
import { createMemoryAuditStore } from './audit-store';
import { createMemoryCatalogStore, type Catalog } from './catalog-store';
import { createTestClock, type TestClock } from './clock';
import { createMemoryFamilyStore } from './family-store';
import { createMemoryInvitationStore } from './invitation-store';
import { createMemoryOutboxStore } from './outbox-store';
import { createMemoryRateLimiter } from './rate-limit-store';
import { createMemorySchoolAdminStore } from './school-admin-store';
import { createMemorySignupStore } from './signup-store';
import { createMemorySubscriptionStore } from './subscription-store';
import { copy, keyOf, MemoryTable, type Item } from './table';
import { createMemoryUserStore } from './user-store';

export { createTestClock, type TestClock } from './clock';
export { createMemorySignupStore } from './signup-store';
export { MemoryTable } from './table';

/** The ports functions/store/index.ts assembles, with a clock the test moves and the table behind them. */
export type MemoryStores = Omit<typeof stores, 'clock'> & { clock: TestClock; table: MemoryTable };

/** A profile as stored: one written before role versions may lack rolesVersion (read as 0). */
export type SeededUser = Omit<UserRecord, 'rolesVersion'> & { rolesVersion?: number };

export interface MemoryOptions {
  /** Where the clock starts (epoch ms or an ISO instant); the current time when left out. */
  now?: number | string;
  catalog?: Catalog;
  /**
   * Users as the seed writes them (functions/store/seed-store.ts putUserIfAbsent): the profile as given, the
   * lookup of its 用户编号 when it has one, and a member row for each school role.
   */
  users?: SeededUser[];
  waitlistCountLimit?: number;
}

/** A fresh, empty set of in-memory stores: what the use-cases take, with no DynamoDB behind it. */
export function createMemoryStores(options: MemoryOptions = {}): MemoryStores {
  const table = new MemoryTable();
  for (const user of options.users ?? []) seedUser(table, user);
  const catalog = createMemoryCatalogStore(
    table,
    options.catalog ?? { schools: [], majors: [], certificates: [] },
  );
  return {
    table,
    clock: createTestClock(options.now ?? Date.now()),
    catalog,
    attendance: createMemoryAttendanceStore(table),
    schoolAdmin: createMemorySchoolAdminStore(table, async () =>
      (await catalog.listSchools()).map((s) => s.id),
    ),
    audit: createMemoryAuditStore(table),
    family: createMemoryFamilyStore(table),
    rateLimiter: createMemoryRateLimiter(table),
    outbox: createMemoryOutboxStore(table),
    subscriptions: createMemorySubscriptionStore(table),
    activities: createMemoryActivityStore(table),
    signups: createMemorySignupStore(table, { waitlistCountLimit: options.waitlistCountLimit }),
    users: createMemoryUserStore(table),
    invitations: createMemoryInvitationStore(table),
  };
}

function seedUser(table: MemoryTable, user: SeededUser): void {
  table.users.set(user.id, copy(user) as Item);
  if (!user.shortId) return;
  table.shortIds.set(user.shortId, user.id);
  for (const at of user.roles.flatMap((r) => schoolOfRole(r) ?? [])) {
    const member: MemberRecord = {
      schoolId: at.schoolId,
      userId: user.id,
      shortId: user.shortId,
      role: at.role,
      since: user.createdAt,
      note: '示例账号',
    };
    table.members.set(keyOf(at.schoolId, user.id), copy(member) as Item);
  }
}
