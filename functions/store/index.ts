import { systemClock } from '../domain/ports';
import { createActivityStore } from './activity-store';
import { createCatalogStore } from './catalog-store';
import { createSignupStore } from './signup-store';
import { createUserStore } from './user-store';

/** The stores a function instance shares across invocations (the catalog cache lives here). */
export const stores = {
  catalog: createCatalogStore(),
  activities: createActivityStore(),
  signups: createSignupStore(),
  users: createUserStore(),
  clock: systemClock,
};
