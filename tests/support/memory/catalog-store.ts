import * as v from 'valibot';
import {
  CertificateSchema,
  MajorSchema,
  SchoolSchema,
  type CertificateEntry,
  type MajorEntry,
  type SchoolEntry,
} from '../../../shared/schemas/catalog';
import type { CatalogStore } from '../../../functions/domain/catalog/ports';
import { DomainError } from '../../../functions/domain/errors';
import { auditStep, copy, transact, turn, type MemoryTable, type Step } from './table';

/** The catalog as the seed writes it; the store keeps it as the DynamoDB one reads it back (parsed). */
export interface Catalog {
  schools: SchoolEntry[];
  majors: MajorEntry[];
  certificates: CertificateEntry[];
}

/** Each list in the store's order: its index sorts by id. */
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * The in-memory CatalogStore: the seed's data given at creation, then edits. The DynamoDB one caches half a
 * minute per instance and forgets it on its own writes; here every read is fresh.
 */
export function createMemoryCatalogStore(table: MemoryTable, catalog: Catalog): CatalogStore {
  const stored = {
    schools: byId(catalog.schools.map((s) => v.parse(SchoolSchema, s))),
    majors: byId(catalog.majors.map((m) => v.parse(MajorSchema, m))),
    certificates: byId(catalog.certificates.map((c) => v.parse(CertificateSchema, c))),
  };
  const read = async <T>(items: T[]) => {
    await turn();
    return copy(items);
  };
  const lists = { school: stored.schools, major: stored.majors, certificate: stored.certificates } as const;
  return {
    listSchools: () => read(stored.schools),
    listMajors: () => read(stored.majors),
    listCertificates: () => read(stored.certificates),
    async snapshot() {
      await turn();
      return copy(stored);
    },
    async apply(writes, audit) {
      await turn();
      const steps: Step[] = writes.map(({ kind, record, expectedVersion }) => {
        const list: Array<{ id: string; version: number }> = lists[kind];
        return {
          item: `${kind}:${record.id}`,
          holds: () => {
            const current = list.find((x) => x.id === record.id);
            return expectedVersion === null ? !current : current?.version === expectedVersion;
          },
          apply: () => {
            const at = list.findIndex((x) => x.id === record.id);
            if (at >= 0) list.splice(at, 1, copy(record));
            else list.push(copy(record));
            list.sort((a, b) => (a.id < b.id ? -1 : 1));
          },
        };
      });
      const result = transact([...steps, auditStep(table, audit)]);
      if (!result.ok) throw new DomainError('EDIT_CONFLICT');
    },
  };
}
