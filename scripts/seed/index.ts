import type { Role } from '../../shared/api';
import { inZone, toIso } from '../../shared/time';
import { newActivityRecord } from '../../functions/domain/activities/activity';
import { createActivityStore } from '../../functions/store/activity-store';
import { env, type Stage } from '../../functions/lib/env';
import { seedStore, type CatalogSync } from '../../functions/store/seed-store';
import { sampleActivities } from './activities';
import { certificates, majors, schools } from './catalog';

export interface SeedResult {
  catalog: { schools: number; majors: number; certificates: number } & CatalogSync;
  activities: number;
  users: number;
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

/** Stages that live on a developer's machine: only they may hold sample activities and dev users. */
export const isLocalStage = (stage: Stage) => stage === 'local' || stage === 'test';

/**
 * Seeds the table that the environment names. The catalog is reference data and is brought to the seed's every
 * time (what left it is retired, not deleted). Dev users and sample activities exist only on a developer's
 * machine, and are written only on the first run there, so sign-ups made since are never touched; asking for
 * them on a deployed stage is refused.
 */
export async function seed(options: { now?: number; samples?: boolean } = {}): Promise<SeedResult> {
  const { stage } = env();
  const now = options.now ?? Date.now();
  const samples = options.samples ?? isLocalStage(stage);
  if (samples && !isLocalStage(stage)) {
    throw new Error(
      `示例活动和开发账号只写入本机环境（stage local），不写入 ${stage}。Sample activities and dev users are for stage local only.`,
    );
  }
  const sync = await seedStore.syncCatalog({ schools, majors, certificates }, toIso(now));
  const catalog = {
    schools: schools.length,
    majors: majors.length,
    certificates: certificates.length,
    ...sync,
  };
  if (!samples || (await seedStore.seededAt())) return { catalog, activities: 0, users: 0, firstRun: false };

  const at = toIso(now);
  const users = seededUsers();
  for (const user of users) await seedStore.putUserIfAbsent(user.id, user.roles, at);
  const activities = createActivityStore();
  const sampleList = sampleActivities(inZone(now));
  for (const { id, ...input } of sampleList) {
    const existing = await activities.get(id);
    if (!existing)
      await activities.create(newActivityRecord(input, { id, createdBy: 'seed', now, sample: true }));
  }
  await seedStore.markSeeded(at, {
    schools: schools.length,
    majors: majors.length,
    activities: sampleList.length,
  });
  return { catalog, activities: sampleList.length, users: users.length, firstRun: true };
}
