import type { AuditStore } from '../../../functions/domain/audit/ports';
import { DomainError } from '../../../functions/domain/errors';
import { decodeCursor, encodeCursor, keys } from '../../../functions/store/keys';
import { copy, turn, type MemoryTable } from './table';

/** The cursor functions/store/audit-store.ts issues and accepts. */
const CURSOR = { PK: /^AUDIT$/, SK: /^[0-9T:+-]{25}#[a-z0-9-]{1,64}$/ };

/** The in-memory AuditStore: entries newest first, written by the other adapters' transactions. */
export function createMemoryAuditStore(table: MemoryTable): AuditStore {
  return {
    async list(cursor, limit) {
      await turn();
      let start: string | undefined;
      if (cursor) {
        const decoded = decodeCursor(cursor, CURSOR);
        if (!decoded) throw new DomainError('INVALID_CURSOR');
        start = decoded.SK;
      }
      const page = [...table.audit.keys()]
        .sort()
        .reverse()
        .filter((sortKey) => start === undefined || sortKey < start)
        .slice(0, limit);
      const items = page.flatMap((sortKey) => {
        const entry = table.audit.get(sortKey);
        return entry ? [copy(entry)] : [];
      });
      const last = items[items.length - 1];
      // A page that reaches its limit carries a LastEvaluatedKey, even when nothing follows.
      return {
        items,
        nextCursor: page.length === limit && last ? encodeCursor(keys.audit(last.at, last.id)) : null,
      };
    },
  };
}
