import { systemClock } from '../domain/clock';
import { CACHE_TTL_MS, gateClosedAccounts } from '../lib/http';
import { createActivityStore } from './activity-store';
import { createAttendanceStore } from './attendance-store';
import { createAuditStore } from './audit-store';
import { createSchoolAdminStore } from './school-admin-store';
import { createFamilyStore } from './family-store';
import { createRateLimiter } from './rate-limit-store';
import { createOutboxStore, createSubscriptionStore } from './outbox-store';
import { createCatalogStore } from './catalog-store';
import { createSignupStore } from './signup-store';
import { createInvitationStore } from './invitation-store';
import { createUserStore } from './user-store';

/** The stores a function instance shares across invocations (the catalog cache lives here). */
const catalog = createCatalogStore(CACHE_TTL_MS.catalog);
const users = createUserStore();

/**
 * Whether (and when) an account closed, for every authenticated call. Open accounts are remembered for half a
 * minute per instance, so a burst of sign-ups costs one read per person; the instance that closes an account
 * forgets it at once (forgetAccount), others within the half minute.
 */
const openAccounts = new Map<string, number>();
const OPEN_ACCOUNT_TTL_MS = 30_000;
gateClosedAccounts(async (userId) => {
  const seen = openAccounts.get(userId);
  if (seen !== undefined && Date.now() - seen < OPEN_ACCOUNT_TTL_MS) return null;
  const closedAt = (await users.get(userId))?.closedAt ?? null;
  if (closedAt === null) {
    if (openAccounts.size > 10_000) openAccounts.clear();
    openAccounts.set(userId, Date.now());
  }
  return closedAt;
});

export function forgetAccount(userId: string): void {
  openAccounts.delete(userId);
}

export const stores = {
  catalog,
  attendance: createAttendanceStore(),
  schoolAdmin: createSchoolAdminStore(async () => (await catalog.listSchools()).map((s) => s.id)),
  audit: createAuditStore(),
  family: createFamilyStore(),
  rateLimiter: createRateLimiter(),
  outbox: createOutboxStore(),
  subscriptions: createSubscriptionStore(),
  activities: createActivityStore(),
  signups: createSignupStore(),
  users,
  invitations: createInvitationStore(),
  clock: systemClock,
};
