import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client';
import { activityIdOf } from './keys';

export interface Mismatch {
  activityId: string;
  field: 'confirmedCount' | 'waitlistCount' | 'capacity' | 'attendees';
  stored: number;
  actual: number;
}

/**
 * Compares every activity's counters with the sign-ups that exist: the seat counter must equal the
 * confirmed (and offered) sign-ups, never exceed capacity, and each live sign-up must hold its attendee's
 * uniqueness item.
 */
export async function checkConsistency(): Promise<{
  activities: number;
  signups: number;
  mismatches: Mismatch[];
}> {
  const activities = new Map<string, { confirmedCount: number; waitlistCount: number; capacity: number }>();
  const confirmed = new Map<string, number>();
  const waitlisted = new Map<string, number>();
  const attendees = new Map<string, number>();
  const applied = new Map<string, number>();
  let signups = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new ScanCommand({ TableName: tableName(), ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) {
      if (item.type === 'activity') {
        activities.set(String(item.id), {
          confirmedCount: Number(item.confirmedCount),
          waitlistCount: Number(item.waitlistCount),
          capacity: Number(item.capacity),
        });
      } else if (item.type === 'signup') {
        signups++;
        const id = String(item.activityId);
        // An offered seat is held for its person: it counts as taken.
        if (item.status === 'confirmed' || item.status === 'offered')
          confirmed.set(id, (confirmed.get(id) ?? 0) + 1);
        if (item.status === 'waitlisted') waitlisted.set(id, (waitlisted.get(id) ?? 0) + 1);
        if (item.status === 'applied') applied.set(id, (applied.get(id) ?? 0) + 1);
      } else if (item.type === 'attendee') {
        const id = activityIdOf(String(item.PK));
        attendees.set(id, (attendees.get(id) ?? 0) + 1);
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);

  const mismatches: Mismatch[] = [];
  for (const [activityId, a] of activities) {
    const c = confirmed.get(activityId) ?? 0;
    const w = waitlisted.get(activityId) ?? 0;
    if (a.confirmedCount !== c)
      mismatches.push({ activityId, field: 'confirmedCount', stored: a.confirmedCount, actual: c });
    if (a.waitlistCount !== w)
      mismatches.push({ activityId, field: 'waitlistCount', stored: a.waitlistCount, actual: w });
    if (c > a.capacity) mismatches.push({ activityId, field: 'capacity', stored: a.capacity, actual: c });
    const u = attendees.get(activityId) ?? 0;
    const live = c + w + (applied.get(activityId) ?? 0);
    if (u !== live) mismatches.push({ activityId, field: 'attendees', stored: u, actual: live });
  }
  return { activities: activities.size, signups, mismatches };
}
