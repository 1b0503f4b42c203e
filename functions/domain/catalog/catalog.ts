import type {
  Certificate,
  CertificateDetail,
  MajorDetail,
  SchoolDetail,
  CertificateListQuery,
  Major,
  MajorListQuery,
  MajorRecord,
  SchoolListItem,
} from '../../../shared/schemas/catalog';
import { DomainError } from '../errors';
import { majorView } from './editing';
import type { CatalogStore } from './ports';
import type { Page } from '../../../shared/schemas/common';

const DEFAULT_LIMIT = 20;

/** The catalog is small and read-mostly: lists are filtered in memory and paged after the last id shown. */
export function pageAfter<T extends { id: string }>(
  items: T[],
  cursor: string | undefined,
  limit: number | undefined,
): Page<T> {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const after = cursor ? decodeIdCursor(cursor) : undefined;
  const start = after === undefined ? 0 : sorted.findIndex((i) => i.id > after);
  const rest = start < 0 ? [] : sorted.slice(start);
  const size = limit ?? DEFAULT_LIMIT;
  const page = rest.slice(0, size);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rest.length > size && last ? encodeIdCursor(last.id) : null };
}

export function encodeIdCursor(id: string): string {
  return Buffer.from(JSON.stringify({ after: id }), 'utf8').toString('base64url');
}

function decodeIdCursor(cursor: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && typeof (parsed as { after?: unknown }).after === 'string') {
      return (parsed as { after: string }).after;
    }
  } catch {
    // fall through: a cursor we did not make
  }
  throw new DomainError('INVALID_CURSOR');
}

/** A retired item (it left the seed) leaves every list; its own page still answers. */
const listed = (item: { retiredAt: string | null }) => item.retiredAt === null;

function matches(q: string | undefined, ...texts: string[]): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return texts.some((t) => t.toLowerCase().includes(needle));
}

export async function listSchools(
  catalog: CatalogStore,
  query: { county?: string; kind?: string; q?: string },
): Promise<Page<SchoolListItem>> {
  const [schools, majors] = await Promise.all([catalog.listSchools(), catalog.listMajors()]);
  const enrolling = new Map<string, number>();
  for (const m of majors) {
    if (listed(m) && m.status === 'enrolling')
      enrolling.set(m.schoolId, (enrolling.get(m.schoolId) ?? 0) + 1);
  }
  const items = schools
    .filter(
      (s) =>
        listed(s) &&
        (!query.county || s.county === query.county) &&
        (!query.kind || s.kind === query.kind) &&
        matches(query.q, s.name, s.shortName, s.county ?? '', s.direction),
    )
    .map((s) => ({ ...s, enrollingMajors: enrolling.get(s.id) ?? 0 }));
  return { items, nextCursor: null };
}

export async function getSchool(catalog: CatalogStore, id: string): Promise<SchoolDetail> {
  const [schools, majors] = await Promise.all([catalog.listSchools(), catalog.listMajors()]);
  const school = schools.find((s) => s.id === id);
  if (!school) throw new DomainError('NOT_FOUND', { message: '没有找到这所学校' });
  return { ...school, majorIds: majors.filter((m) => listed(m) && m.schoolId === id).map((m) => m.id) };
}

export async function listMajors(catalog: CatalogStore, query: MajorListQuery): Promise<Page<Major>> {
  if (query.schoolId) await requireSchool(catalog, query.schoolId);
  const majors = await catalog.listMajors();
  const items = majors.filter(
    (m) =>
      listed(m) &&
      // A major that stopped enrolling leaves the lists; its own page says 停招.
      m.status !== 'suspended' &&
      (!query.schoolId || m.schoolId === query.schoolId) &&
      (!query.level || m.level === query.level) &&
      (!query.group || m.group === query.group) &&
      matches(query.q, m.name, m.summary, ...m.careers),
  );
  return pageAfter(items.map(majorView), query.cursor, query.limit);
}

async function requireSchool(catalog: CatalogStore, schoolId: string): Promise<void> {
  const schools = await catalog.listSchools();
  if (!schools.some((s) => s.id === schoolId)) {
    throw new DomainError('INVALID_QUERY', { fields: [{ field: 'schoolId', message: '没有这所学校' }] });
  }
}

export async function getMajor(catalog: CatalogStore, id: string): Promise<MajorDetail> {
  const [schools, majors, certificates] = await Promise.all([
    catalog.listSchools(),
    catalog.listMajors(),
    catalog.listCertificates(),
  ]);
  const major = majors.find((m) => m.id === id);
  if (!major) throw new DomainError('NOT_FOUND', { message: '没有找到这个专业' });
  const school = schools.find((s) => s.id === major.schoolId);
  if (!school) throw new DomainError('NOT_FOUND', { message: '没有找到这个专业所在的学校' });
  return {
    ...majorView(major),
    school,
    certificates: certificates
      .filter((c) => listed(c) && major.certificateIds.includes(c.id))
      .map(({ id: cid, name, issuer, levels }) => ({ id: cid, name, issuer, levels })),
  };
}

/** A major names the certificates it prepares for; a certificate's majors are read from that side. */
function withMajors(certificate: Certificate, majors: MajorRecord[]): Certificate {
  const majorIds = majors
    .filter((m) => listed(m) && m.certificateIds.includes(certificate.id))
    .map((m) => m.id)
    .sort();
  return { ...certificate, majorIds };
}

export async function listCertificates(
  catalog: CatalogStore,
  query: CertificateListQuery,
): Promise<Page<Certificate>> {
  const [stored, majors] = await Promise.all([catalog.listCertificates(), catalog.listMajors()]);
  if (query.majorId && !majors.some((m) => m.id === query.majorId)) {
    throw new DomainError('INVALID_QUERY', { fields: [{ field: 'majorId', message: '没有这个专业' }] });
  }
  const certificates = stored.map((c) => withMajors(c, majors));
  const items = certificates.filter(
    (c) =>
      listed(c) &&
      (!query.majorId || c.majorIds.includes(query.majorId)) &&
      matches(query.q, c.name, c.issuer, c.summary),
  );
  return pageAfter(items, query.cursor, query.limit);
}

export async function getCertificate(catalog: CatalogStore, id: string): Promise<CertificateDetail> {
  const [schools, majors, certificates] = await Promise.all([
    catalog.listSchools(),
    catalog.listMajors(),
    catalog.listCertificates(),
  ]);
  const found = certificates.find((c) => c.id === id);
  if (!found) throw new DomainError('NOT_FOUND', { message: '没有找到这个证书' });
  const certificate = withMajors(found, majors);
  return {
    ...certificate,
    majors: majors
      .filter((m) => listed(m) && certificate.majorIds.includes(m.id))
      .map(({ id: mid, name, level, schoolId }) => ({ id: mid, name, level, schoolId })),
    schools: schools
      .filter((s) => listed(s) && certificate.schoolIds.includes(s.id))
      .map(({ id: sid, name, county }) => ({ id: sid, name, county })),
  };
}
