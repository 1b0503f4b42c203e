import type { Role } from '../../shared/api';
import { inZone, toIso } from '../../shared/time';
import { newActivityRecord } from '../../functions/domain/activities/activity';
import { createActivityStore } from '../../functions/store/activity-store';
import { seedStore } from '../../functions/store/seed-store';
import { sampleActivities } from './activities';
import { certificates, majors, schools } from './catalog';

export interface SeedResult {
  catalog: { schools: number; majors: number; certificates: number };
  activities: number;
  /** False when the table had been seeded before: sample activities and user data were left as they were. */
  firstRun: boolean;
}

/** Local users with roles: `staff-<schoolId>` for each school, `admin` for the city education bureau. */
export function seededUsers(): Array<{ id: string; roles: Role[] }> {
  return [
    { id: 'admin', roles: ['user', 'admin'] },
    ...schools.map((s) => ({ id: `staff-${s.id}`, roles: ['user', `staff:${s.id}`] as Role[] })),
  ];
}

/**
 * Seeds the table that the environment names. The catalog is reference data and is refreshed every time;
 * users and sample activities are written only on the first run, so sign-ups made since are never touched.
 */
export async function seed(now = Date.now()): Promise<SeedResult> {
  await seedStore.putCatalog(schools, majors, certificates);
  const catalog = { schools: schools.length, majors: majors.length, certificates: certificates.length };
  if (await seedStore.seededAt()) return { catalog, activities: 0, firstRun: false };

  const at = toIso(now);
  for (const user of seededUsers()) await seedStore.putUserIfAbsent(user.id, user.roles, at);
  const activities = createActivityStore();
  const samples = sampleActivities(inZone(now));
  for (const { id, ...input } of samples) {
    const existing = await activities.get(id);
    if (!existing)
      await activities.create(newActivityRecord(input, { id, createdBy: 'seed', now, sample: true }));
  }
  await seedStore.markSeeded(at, { ...catalog, activities: samples.length });
  return { catalog, activities: samples.length, firstRun: true };
}
