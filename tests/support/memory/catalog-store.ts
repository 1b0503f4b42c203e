import type { Certificate, Major, School } from '../../../shared/schemas/catalog';
import type { CatalogStore } from '../../../functions/domain/catalog/ports';
import { copy, turn } from './table';

export interface Catalog {
  schools: School[];
  majors: Major[];
  certificates: Certificate[];
}

/** Each list in the store's order: its index sorts by id. */
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * The in-memory CatalogStore: reference data given at creation. The DynamoDB one caches a minute per instance;
 * a catalog that never changes here makes that cache invisible.
 */
export function createMemoryCatalogStore(catalog: Catalog): CatalogStore {
  const stored = {
    schools: byId(copy(catalog.schools)),
    majors: byId(copy(catalog.majors)),
    certificates: byId(copy(catalog.certificates)),
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
