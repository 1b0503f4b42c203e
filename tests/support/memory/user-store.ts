import { UserRecordSchema, type UserRecord } from '../../../shared/schemas/records';
import type { UserStore } from '../../../functions/domain/people/ports';
import { fromItem } from '../../../functions/store/records';
import {
  auditStep,
  conditionFailed,
  copy,
  keyOf,
  numberField,
  transact,
  turn,
  type Item,
  type MemoryTable,
  type Step,
} from './table';

/** The in-memory UserStore: the conditions of functions/store/user-store.ts, on a MemoryTable. */
export function createMemoryUserStore(table: MemoryTable): UserStore {
  async function get(id: string): Promise<UserRecord | null> {
    await turn();
    const found = table.users.get(id);
    // Parsed as the store parses its items: defaults filled on older profiles.
    return found ? fromItem(UserRecordSchema, copy(found)) : null;
  }

  /** The 用户编号's lookup item: written once; a second user deriving the same code fails as it does there. */
  async function claimShortId(userId: string, shortId: string): Promise<void> {
    await turn();
    const holder = table.shortIds.get(shortId);
    if (holder !== undefined && holder !== userId) throw conditionFailed();
    table.shortIds.set(shortId, userId);
  }

  return {
    get,

    async close(id, now, audit) {
      await turn();
      // A profile that was never written (a token alone) gets one, as the update makes it there.
      const item: Item = table.users.get(id) ?? { id, createdAt: now };
      const result = transact([
        {
          item: `user:${id}`,
          holds: () => true,
          apply: () => {
            table.users.set(id, item);
            if (typeof item.shortId === 'string') table.shortIds.delete(item.shortId);
            delete item.shortId;
            delete item.openId;
            item.roles = ['user'];
            item.rolesVersion = (numberField(item, 'rolesVersion') ?? 0) + 1;
            item.closedAt = now;
          },
        },
        auditStep(table, audit),
      ]);
      if (!result.ok) throw new Error('closing the account failed its audit entry');
    },

    async ensure(id, { shortId, ...fields }, now) {
      const existing = await get(id);
      if (existing?.shortId) return existing;
      await claimShortId(id, shortId);
      if (existing) {
        await turn();
        // An unconditional update, as there: it would make the item if it were missing.
        const item = table.users.get(id) ?? {};
        item.shortId = shortId;
        table.users.set(id, item);
        return { ...existing, shortId };
      }
      const record: UserRecord = { id, roles: ['user'], rolesVersion: 0, shortId, createdAt: now, ...fields };
      await turn();
      if (table.users.has(id)) return (await get(id)) ?? record;
      table.users.set(id, copy(record) as Item);
      return record;
    },

    async byShortId(shortId) {
      await turn();
      const userId = table.shortIds.get(shortId);
      return userId === undefined ? null : get(userId);
    },

    async changeRoles({ user, roles, member, audit, redeems }) {
      await turn();
      const steps: Step[] = [
        {
          item: `user:${user.id}`,
          // Written only over the version read; a profile from before rolesVersion counts as version 0.
          holds: () => {
            const item = table.users.get(user.id);
            if (!item) return false;
            const version = numberField(item, 'rolesVersion');
            return version === user.rolesVersion || (!('rolesVersion' in item) && user.rolesVersion === 0);
          },
          apply: () => {
            const item = table.users.get(user.id) as Item;
            item.roles = copy(roles);
            item.rolesVersion = user.rolesVersion + 1;
          },
        },
      ];
      if (redeems) {
        steps.push({
          item: `invitation:${redeems.invitationId}`,
          holds: () => {
            const item = table.invitations.get(redeems.invitationId);
            // ISO strings compare as DynamoDB compares them: by their characters.
            return (
              item?.status === 'pending' &&
              typeof item.validUntil === 'string' &&
              item.validUntil > redeems.now
            );
          },
          apply: () => {
            const item = table.invitations.get(redeems.invitationId) as Item;
            Object.assign(item, { status: 'used', usedBy: user.id, usedAt: redeems.now });
          },
        });
      }
      if (member && 'put' in member) {
        const key = keyOf(member.put.schoolId, member.put.userId);
        steps.push({
          item: `member:${key}`,
          holds: () => true,
          apply: () => table.members.set(key, copy(member.put) as Item),
        });
      } else if (member) {
        const key = keyOf(member.remove.schoolId, user.id);
        steps.push({ item: `member:${key}`, holds: () => true, apply: () => table.members.delete(key) });
      }
      for (const entry of audit) steps.push(auditStep(table, entry));
      const result = transact(steps);
      if (result.ok) return 'changed';
      if (redeems && result.failed[1]) return 'invitation-gone';
      if (result.failed[0]) return 'conflict';
      throw new Error(`role change of ${user.id} refused: ${JSON.stringify(result.failed)}`);
    },
  };
}
