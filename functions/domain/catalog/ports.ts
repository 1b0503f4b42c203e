import type { AuditEntry } from '../../../shared/api';
import type { Certificate, MajorRecord, School } from '../../../shared/schemas/catalog';

export type CatalogKind = 'school' | 'major' | 'certificate';

/** The whole catalog as stored now, read past every cache: what an edit is checked and diffed against. */
export interface CatalogSnapshot {
  schools: School[];
  majors: MajorRecord[];
  certificates: Certificate[];
}

/** One item to write; `expectedVersion` is the version read (null for a new item), so a concurrent edit fails. */
export type CatalogWrite =
  | { kind: 'school'; record: School; expectedVersion: number | null }
  | { kind: 'major'; record: MajorRecord; expectedVersion: number | null }
  | { kind: 'certificate'; record: Certificate; expectedVersion: number | null };

export interface CatalogStore {
  listSchools(): Promise<School[]>;
  listMajors(): Promise<MajorRecord[]>;
  listCertificates(): Promise<Certificate[]>;
  snapshot(): Promise<CatalogSnapshot>;
  /**
   * Writes every item and the audit entry, all or nothing (at most MAX_CATALOG_WRITES items). A version
   * that moved since it was read is `EDIT_CONFLICT`.
   */
  apply(writes: CatalogWrite[], audit: AuditEntry): Promise<void>;
}

/** DynamoDB's transaction takes 100 items; one is the audit entry. */
export const MAX_CATALOG_WRITES = 99;
