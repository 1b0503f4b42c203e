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
import { copy, turn } from './table';

/** The catalog as the seed writes it; the store keeps it as the DynamoDB one reads it back (parsed). */
export interface Catalog {
  schools: SchoolEntry[];
  majors: MajorEntry[];
  certificates: CertificateEntry[];
}

/** Each list in the store's order: its index sorts by id. */
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * The in-memory CatalogStore: reference data given at creation. The DynamoDB one caches a minute per instance;
 * a catalog that never changes here makes that cache invisible.
 */
export function createMemoryCatalogStore(catalog: Catalog): CatalogStore {
  const stored = {
    schools: byId(catalog.schools.map((s) => v.parse(SchoolSchema, s))),
    majors: byId(catalog.majors.map((m) => v.parse(MajorSchema, m))),
    certificates: byId(catalog.certificates.map((c) => v.parse(CertificateSchema, c))),
  };
  const read = async <T>(items: T[]) => {
    await turn();
    return copy(items);
  };
  return {
    listSchools: () => read(stored.schools),
    listMajors: () => read(stored.majors),
    listCertificates: () => read(stored.certificates),
  };
}
