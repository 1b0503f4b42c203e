import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SchoolAdminStore } from '../domain/attendance/ports';
import { auditPut } from './audit-store';
import { db, tableName } from './client';
import { keys } from './keys';
import { transact } from './transactions';

export function createSchoolAdminStore(listSchoolIds: () => Promise<string[]>): SchoolAdminStore {
  return {
    async putEnrolment(schoolId, year, students, audit) {
      const result = await transact({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...keys.enrolment(schoolId, year),
                type: 'enrolment',
                schoolId,
                year,
                students,
                updatedAt: audit.at,
                updatedBy: audit.actor,
              },
            },
          },
          auditPut(audit),
        ],
      });
      if (!result.ok) throw new Error('enrolment write failed');
    },

    async getEnrolment(schoolId, year) {
      const res = await db().send(
        new GetCommand({ TableName: tableName(), Key: keys.enrolment(schoolId, year), ConsistentRead: true }),
      );
      return res.Item ? Number(res.Item.students) : null;
    },

    async enrolments(year) {
      const ids = await listSchoolIds();
      const entries = await Promise.all(
        ids.map(async (id) => {
          const res = await db().send(
            new QueryCommand({
              TableName: tableName(),
              KeyConditionExpression: 'PK = :pk AND SK = :sk',
              ExpressionAttributeValues: {
                ':pk': keys.enrolment(id, year).PK,
                ':sk': keys.enrolment(id, year).SK,
              },
            }),
          );
          const item = res.Items?.[0];
          return item ? ([id, Number(item.students)] as const) : null;
        }),
      );
      return new Map(entries.filter((e): e is readonly [string, number] => e !== null));
    },
  };
}
