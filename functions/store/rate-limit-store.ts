import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter } from '../domain/people/ports';
import { db, tableName } from './client';
import { keys } from './keys';

/**
 * A fixed one-minute window per scope and subject, counted with a conditional update: every function
 * instance shares the count, and DynamoDB's TTL clears old windows.
 */
export function createRateLimiter(): RateLimiter {
  return {
    async hit(scope, subject, limit, windowSeconds, now) {
      const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
      const retryAfterSeconds = Math.max(1, windowStart + windowSeconds - Math.floor(now / 1000));
      try {
        await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: keys.rateWindow(scope, subject, windowStart),
            UpdateExpression: 'ADD hits :one SET expiresAt = :expires',
            ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
            ExpressionAttributeValues: {
              ':one': 1,
              ':limit': limit,
              ':expires': windowStart + windowSeconds * 2,
            },
          }),
        );
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException')
          return { allowed: false, retryAfterSeconds };
        throw err;
      }
    },
  };
}
