import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxMessage } from '../../shared/schemas/records';
import type { OutboxStore, SubscriptionStore } from '../domain/messaging/ports';
import { db, tableName } from './client';
import { OutboxMessageSchema } from '../../shared/schemas/records';
import { keys, partitions, withoutKeys } from './keys';
import { fromItem } from './records';

/**
 * A message's outbox item, written only if its sign-up has none with its id (sign-up, kind and what it is
 * about): a message is never written twice, whether by the worker or inside the transaction that changes a
 * sign-up.
 */
export function outboxPut(message: OutboxMessage) {
  return {
    TableName: tableName(),
    Item: {
      ...keys.outbox(message.signupId, message.kind, message.about),
      ...keys.pendingMessage(message),
      type: 'outbox',
      ...message,
    },
    ConditionExpression: 'attribute_not_exists(PK)',
  };
}

export function createOutboxStore(): OutboxStore {
  return {
    async enqueue(message) {
      try {
        await db().send(new PutCommand(outboxPut(message)));
        return true;
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') return false;
        throw err;
      }
    },

    async due(now, limit) {
      const res = await db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :now',
          ExpressionAttributeValues: { ':pk': partitions.pendingMessages(), ':now': `${now}#~` },
          Limit: limit,
        }),
      );
      return (res.Items ?? []).map((i) => fromItem(OutboxMessageSchema, i));
    },

    async settle(message, outcome) {
      // Leaving the pending index is what makes a message final: it is never picked up again.
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.outbox(message.signupId, message.kind, message.about),
          UpdateExpression:
            'SET #status = :status, attempts = attempts + :one, lastError = :error, sentAt = :sentAt REMOVE GSI1PK, GSI1SK',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':status': outcome.status,
            ':one': 1,
            ':error': outcome.lastError ?? null,
            ':sentAt': outcome.sentAt ?? null,
            ':pending': 'pending',
          },
        }),
      );
    },

    async retry(message, nextAttemptAt, error) {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.outbox(message.signupId, message.kind, message.about),
          UpdateExpression:
            'SET attempts = attempts + :one, nextAttemptAt = :next, lastError = :error, GSI1SK = :sk',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':next': nextAttemptAt,
            ':error': error,
            ':sk': keys.pendingMessage({ ...message, nextAttemptAt }).GSI1SK,
            ':pending': 'pending',
          },
        }),
      );
    },

    async list(signupId) {
      const res = await db().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.outbox(signupId, '').PK },
          ConsistentRead: true,
        }),
      );
      return (res.Items ?? []).map((i) => fromItem(OutboxMessageSchema, i));
    },
  };
}

/** One-time subscribe-message grants, counted on the user's item: one accepted grant allows one message. */
export function createSubscriptionStore(): SubscriptionStore {
  return {
    async accept(userId, templates) {
      if (templates.length === 0) return;
      const names = Object.fromEntries(templates.map((t, i) => [`#t${i}`, t]));
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.subscriptions(userId),
          UpdateExpression: `ADD ${templates.map((_, i) => `#t${i} :one`).join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
      // A fresh acceptance lifts an earlier refusal of the same template.
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.subscriptions(userId),
          UpdateExpression: `REMOVE ${templates.map((_, i) => `#r${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(templates.map((t, i) => [`#r${i}`, `refused:${t}`])),
        }),
      );
    },

    async balance(userId) {
      const res = await db().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND SK = :sk',
          ExpressionAttributeValues: {
            ':pk': keys.subscriptions(userId).PK,
            ':sk': keys.subscriptions(userId).SK,
          },
          ConsistentRead: true,
        }),
      );
      const item = res.Items?.[0] ?? {};
      return Object.fromEntries(
        Object.entries(withoutKeys(item)).filter(
          ([k, v]) => typeof v === 'number' && !k.startsWith('refused:'),
        ),
      ) as Record<string, number>;
    },

    async consume(userId, template) {
      try {
        await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: keys.subscriptions(userId),
            UpdateExpression: 'ADD #t :minus',
            ConditionExpression: '#t > :zero AND attribute_not_exists(#r)',
            ExpressionAttributeNames: { '#t': template, '#r': `refused:${template}` },
            ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
          }),
        );
        return true;
      } catch (err) {
        if ((err as Error).name === 'ConditionalCheckFailedException') return false;
        throw err;
      }
    },

    async refuse(userId, template) {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.subscriptions(userId),
          UpdateExpression: 'SET #r = :true, #t = :zero',
          ExpressionAttributeNames: { '#r': `refused:${template}`, '#t': template },
          ExpressionAttributeValues: { ':true': true, ':zero': 0 },
        }),
      );
    },

    async forget(userId) {
      await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.subscriptions(userId) }));
    },
  };
}
