import type { Certificate, Major, School } from '../../../shared/schemas/catalog';

export interface CatalogStore {
  listSchools(): Promise<School[]>;
  listMajors(): Promise<Major[]>;
  listCertificates(): Promise<Certificate[]>;
}
