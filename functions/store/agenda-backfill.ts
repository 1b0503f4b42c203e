import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { toIso } from '../../shared/time';
import { createActivityStore } from './activity-store';
import { queryAll } from './catalog-store';
import { db, tableName } from './client';
import { keys, partitions, sortPrefixes } from './keys';

const DAY = 24 * 3600_000;

/** Writes an update unless its condition says it was done already. */
async function update(input: ConstructorParameters<typeof UpdateCommand>[0]): Promise<boolean> {
  try {
    await db().send(new UpdateCommand(input));
    return true;
  } catch (err) {
    if ((err as Error).name === 'ConditionalCheckFailedException') return false;
    throw err;
  }
}

/**
 * Puts on the worker's agenda (GSI3) what was stored before the agenda existed: an activity without `wakeAt`
 * that ended less than a day ago or later is looked at by the next run, which schedules it, and an offered
 * sign-up gets its deadline's key. Only items without the keys are written, so it can run any number of times;
 * scripts/seed-cli.ts runs it, which upgrades a local stack's table and a deployed one at its seed step.
 */
export async function backfillAgenda(now: number): Promise<{ activities: number; offers: number }> {
  let activities = 0;
  let offers = 0;
  for (const activity of await createActivityStore().listBySchool('all')) {
    // `null` is the worker's own answer that nothing is left; history ended is left alone, as the old worker left it.
    if (activity.wakeAt !== undefined || Date.parse(activity.endsAt) <= now - DAY) continue;
    const agenda = keys.activityAgenda(activity.id, toIso(now));
    const added = await update({
      TableName: tableName(),
      Key: keys.activity(activity.id),
      UpdateExpression: 'SET wakeAt = :at, GSI3PK = :pk, GSI3SK = :sk',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(wakeAt)',
      ExpressionAttributeValues: { ':at': toIso(now), ':pk': agenda.GSI3PK, ':sk': agenda.GSI3SK },
    });
    if (added) activities++;
    const offered = await queryAll({
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND begins_with(GSI2SK, :offered)',
      ExpressionAttributeValues: {
        ':pk': partitions.activitySignups(activity.id),
        ':offered': sortPrefixes.offered,
      },
    });
    for (const signup of offered) {
      if (signup.GSI3PK || typeof signup.offerExpiresAt !== 'string') continue;
      const deadline = keys.offerAgenda(String(signup.id), signup.offerExpiresAt);
      const listed = await update({
        TableName: tableName(),
        Key: keys.signup(String(signup.id)),
        UpdateExpression: 'SET GSI3PK = :pk, GSI3SK = :sk',
        ConditionExpression: '#status = :offered AND offerExpiresAt = :deadline',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':pk': deadline.GSI3PK,
          ':sk': deadline.GSI3SK,
          ':offered': 'offered',
          ':deadline': signup.offerExpiresAt,
        },
      });
      if (listed) offers++;
    }
  }
  return { activities, offers };
}
