import type { InvitationStore } from '../../../functions/domain/people/ports';
import { byTime } from '../../../functions/store/keys';
import { fromItem } from '../../../functions/store/records';
import { InvitationRecordSchema, MemberRecordSchema } from '../../../shared/schemas/records';
import { auditStep, copy, transact, turn, type Item, type MemoryTable } from './table';

/** The in-memory InvitationStore: the conditions of functions/store/invitation-store.ts, on a MemoryTable. */
export function createMemoryInvitationStore(table: MemoryTable): InvitationStore {
  return {
    async create(record, audit) {
      await turn();
      const result = transact([
        {
          item: `invitation:${record.id}`,
          holds: () => !table.invitations.has(record.id),
          apply: () => table.invitations.set(record.id, copy(record) as Item),
        },
        auditStep(table, audit),
      ]);
      if (!result.ok)
        throw new Error(`invitation ${record.id} not written: ${JSON.stringify(result.failed)}`);
    },

    async get(id) {
      await turn();
      const item = table.invitations.get(id);
      return item ? fromItem(InvitationRecordSchema, copy(item)) : null;
    },

    async pending(schoolId, now) {
      await turn();
      // GSI1 of the school, newest first, with the store's filter on each item.
      return [...table.invitations.values()]
        .filter((i) => i.schoolId === schoolId)
        .map((i) => ({ item: i, sortKey: byTime(String(i.createdAt), String(i.id)) }))
        .sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0))
        .filter(
          ({ item }) =>
            item.status === 'pending' && typeof item.validUntil === 'string' && item.validUntil > now,
        )
        .map(({ item }) => fromItem(InvitationRecordSchema, copy(item)));
    },

    async cancel(id, now, audit) {
      await turn();
      const result = transact([
        {
          item: `invitation:${id}`,
          holds: () => table.invitations.get(id)?.status === 'pending',
          apply: () =>
            Object.assign(table.invitations.get(id) as Item, { status: 'cancelled', cancelledAt: now }),
        },
        auditStep(table, audit),
      ]);
      if (result.ok) return 'cancelled';
      if (result.failed[0]) return 'not-pending';
      throw new Error(`invitation ${id} not cancelled: ${JSON.stringify(result.failed)}`);
    },

    async members(schoolId) {
      await turn();
      // The school's partition in sort-key order: STAFF#userId.
      return [...table.members.values()]
        .filter((m) => m.schoolId === schoolId)
        .sort((a, b) => (String(a.userId) < String(b.userId) ? -1 : 1))
        .map((m) => fromItem(MemberRecordSchema, copy(m)));
    },
  };
}
