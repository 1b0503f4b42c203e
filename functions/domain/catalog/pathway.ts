import { CATALOGUE_LINKS, PATHWAY_ROUTES, type CatalogueMajor } from '../../../shared/catalogue-links';
import type { MajorRecord, Pathway, School } from '../../../shared/schemas/catalog';
import { DomainError } from '../errors';
import type { CatalogStore } from './ports';

/** The same catalogue major: a major is taught under the catalogue's name at its level. */
const sameMajor = (a: { level: string; name: string }, b: { level: string; name: string }) =>
  a.level === b.level && a.name === b.name;

/**
 * 升学路径: where a major leads and what leads to it, drawn from the catalogue's verified 接续 links (never from a
 * similar name), each with the Siping majors that teach it and their status; and the routes between its level and
 * the next. A major with no verified link says so.
 */
export async function majorPathway(catalog: CatalogStore, id: string): Promise<Pathway> {
  const [majors, schools] = await Promise.all([catalog.listMajors(), catalog.listSchools()]);
  const major = majors.find((m) => m.id === id);
  if (!major) throw new DomainError('NOT_FOUND', { message: '没有找到这个专业' });
  const schoolOf = new Map(schools.map((s) => [s.id, s]));
  const taught = (target: CatalogueMajor) =>
    majors
      .filter((m) => m.retiredAt === null && m.status !== 'suspended' && sameMajor(m, target))
      .flatMap((m) => {
        const school = schoolOf.get(m.schoolId);
        return school ? [teaching(m, school)] : [];
      });
  const link = (target: CatalogueMajor, source: string) => ({ ...target, source, majors: taught(target) });
  const to = CATALOGUE_LINKS.filter((l) => sameMajor(l.from, major)).map((l) => link(l.to, l.source));
  const from = CATALOGUE_LINKS.filter((l) => sameMajor(l.to, major)).map((l) => link(l.from, l.source));
  // The routes onward from this level, and those by which students reach it.
  const routes = PATHWAY_ROUTES.filter((r) => r.fromLevel === major.level || r.toLevel === major.level).map(
    ({ id: routeId, name, summary, source }) => ({ id: routeId, name, summary, source }),
  );
  return {
    major: { id: major.id, name: major.name, level: major.level },
    from,
    to,
    routes,
    note:
      from.length + to.length === 0
        ? `《职业教育专业目录（2021年）》中“${major.name}”（${major.level}）的接续专业尚未核实，暂不列出，以免误导。`
        : null,
  };
}

function teaching(m: MajorRecord, school: School) {
  return {
    id: m.id,
    name: m.name,
    level: m.level,
    status: m.status,
    school: { id: school.id, name: school.name, county: school.county },
  };
}
