import type { AuditEntry } from '../../../shared/api';
import type { Page } from '../../../shared/schemas/common';

/** Every staff write leaves an entry, written in the write's own transaction by the store that makes it. */
export interface AuditStore {
  list(cursor: string | undefined, limit: number): Promise<Page<AuditEntry>>;
}
