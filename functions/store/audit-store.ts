import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../shared/api';
import type { AuditStore } from '../domain/audit/ports';
import { DomainError } from '../domain/errors';
import { db, tableName } from './client';
import { AuditEntrySchema } from '../../shared/api';
import { decodeCursor, encodeCursor, keys, partitions } from './keys';
import { fromItem } from './records';

/** The Put that records an audit entry inside the transaction of the change it describes. */
export function auditPut(entry: AuditEntry) {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.audit(entry.at, entry.id), type: 'audit', ...entry },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

const CURSOR = { PK: /^AUDIT$/, SK: /^[0-9T:+-]{25}#[a-z0-9-]{1,64}$/ };

export function createAuditStore(): AuditStore {
  return {
    async list(cursor, limit) {
      let start: Record<string, string> | undefined;
      if (cursor) {
        const decoded = decodeCursor(cursor, CURSOR);
        if (!decoded) throw new DomainError('INVALID_CURSOR');
        start = decoded;
      }
      const res = await db().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': partitions.audit() },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: start,
        }),
      );
      const items = (res.Items ?? []).map((i) => fromItem(AuditEntrySchema, i));
      const last = items[items.length - 1];
      return {
        items,
        nextCursor: res.LastEvaluatedKey && last ? encodeCursor(keys.audit(last.at, last.id)) : null,
      };
    },
  };
}
