import { systemClock } from '../domain/clock';
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
const catalog = createCatalogStore();

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
  users: createUserStore(),
  invitations: createInvitationStore(),
  clock: systemClock,
};
