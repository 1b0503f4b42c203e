import type { FamilyMember } from '../../../shared/schemas/signup';
import type { FamilyStore } from '../../../functions/domain/family/ports';
import { sortPrefixes } from '../../../functions/store/keys';
import { copy, turn, type MemoryTable } from './table';

/** The in-memory FamilyStore. Like the store, `put` counts the members, then writes: two requests, not one. */
export function createMemoryFamilyStore(table: MemoryTable): FamilyStore {
  const membersOf = (userId: string) => {
    const found = table.family.get(userId);
    if (found) return found;
    const made = new Map<string, FamilyMember>();
    table.family.set(userId, made);
    return made;
  };

  async function list(userId: string): Promise<FamilyMember[]> {
    await turn();
    const sortKey = (m: FamilyMember) => `${sortPrefixes.familyMember}${m.id}`;
    return [...(table.family.get(userId)?.values() ?? [])]
      .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))
      .map(copy)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  }

  return {
    list,
    async put(userId, member, limit) {
      const existing = await list(userId);
      if (!existing.some((m) => m.id === member.id) && existing.length >= limit) return 'limit';
      await turn();
      membersOf(userId).set(member.id, copy(member));
      return 'saved';
    },
    async remove(userId, id) {
      await turn();
      return table.family.get(userId)?.delete(id) ?? false;
    },
  };
}
