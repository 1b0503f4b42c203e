import type { SubscriptionStore } from '../../../functions/domain/messaging/ports';
import { copy, transact, turn, type Item, type MemoryTable } from './table';

const refusal = (template: string) => `refused:${template}`;

/** Attribute names the store strips from every item it reads (withoutKeys). */
const KEY_FIELDS = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'type', 'expiresAt']);

/** The in-memory SubscriptionStore: a count per template on the user's item, as the store keeps it. */
export function createMemorySubscriptionStore(table: MemoryTable): SubscriptionStore {
  const itemOf = (userId: string): Item => {
    const found = table.subscriptions.get(userId);
    if (found) return found;
    const made: Item = {};
    table.subscriptions.set(userId, made);
    return made;
  };

  return {
    async forget(userId) {
      await turn();
      table.subscriptions.delete(userId);
    },

    async accept(userId, templates) {
      if (templates.length === 0) return;
      if (new Set(templates).size !== templates.length)
        throw new Error('Invalid UpdateExpression: Two document paths overlap with each other');
      await turn();
      const item = itemOf(userId);
      for (const t of templates) item[t] = (typeof item[t] === 'number' ? (item[t] as number) : 0) + 1;
      // A fresh acceptance lifts an earlier refusal: a second request in the store, so a second turn here.
      await turn();
      for (const t of templates) delete itemOf(userId)[refusal(t)];
    },

    async balance(userId) {
      await turn();
      const item = copy(table.subscriptions.get(userId) ?? {});
      return Object.fromEntries(
        Object.entries(item).filter(
          ([k, v]) => typeof v === 'number' && !k.startsWith('refused:') && !KEY_FIELDS.has(k),
        ),
      ) as Record<string, number>;
    },

    async consume(userId, template) {
      await turn();
      return transact([
        {
          item: `subscriptions:${userId}`,
          holds: () => {
            const item = table.subscriptions.get(userId);
            if (!item) return false;
            const count = item[template];
            return typeof count === 'number' && count > 0 && !(refusal(template) in item);
          },
          apply: () => {
            const item = itemOf(userId);
            item[template] = (item[template] as number) - 1;
          },
        },
      ]).ok;
    },

    async refuse(userId, template) {
      await turn();
      Object.assign(itemOf(userId), { [refusal(template)]: true, [template]: 0 });
    },
  };
}
