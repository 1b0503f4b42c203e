import type { UserRecord } from '../../../shared/schemas/records';
import type { UserStore } from '../../../functions/domain/people/ports';
import { copy, turn, type MemoryTable } from './table';

/** The in-memory UserStore: made on first login under the same condition; an existing user keeps its roles. */
export function createMemoryUserStore(table: MemoryTable): UserStore {
  async function get(id: string): Promise<UserRecord | null> {
    await turn();
    const found = table.users.get(id);
    return found ? copy(found) : null;
  }
  return {
    get,
    async ensure(id, fields, now) {
      const existing = await get(id);
      if (existing) return existing;
      const record: UserRecord = { id, roles: ['user'], createdAt: now, ...fields };
      await turn();
      if (table.users.has(id)) return (await get(id)) ?? record;
      table.users.set(id, copy(record));
      return record;
    },
  };
}
