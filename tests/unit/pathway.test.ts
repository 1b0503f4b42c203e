import { CATALOGUE_LINKS, PATHWAY_ROUTES } from '../../shared/catalogue-links';
import { LEVELS } from '../../shared/schemas/catalog';
import { majorPathway } from '../../functions/domain/catalog/pathway';
import { certificates, majors, schools } from '../../scripts/seed/catalog';
import { createMemoryStores } from '../support/memory';

/**
 * 升学路径 (issue 16) is drawn from the catalogue's links, never invented: each link and route carries its source,
 * links only go up a level, and a major without a verified link says so.
 */
const rank = (level: string) => LEVELS.indexOf(level as (typeof LEVELS)[number]);
const stores = () => createMemoryStores({ catalog: { schools, majors, certificates } });

describe('the catalogue links', () => {
  it.each(
    CATALOGUE_LINKS.map((l) => [`${l.from.level} ${l.from.name} → ${l.to.level} ${l.to.name}`, l] as const),
  )('%s has a public source and goes up one level', (_name, link) => {
    expect(link.source).toMatch(/https?:\/\/\S+/);
    expect(rank(link.to.level)).toBe(rank(link.from.level) + 1);
    // A code is written only with the page that shows it.
    for (const side of [link.from, link.to]) if (side.code) expect(link.source).toContain(side.code);
  });

  it('has one link per pair', () => {
    const pairs = CATALOGUE_LINKS.map((l) => `${l.from.level}${l.from.name}>${l.to.level}${l.to.name}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('every route says what it is in one sentence or two, with its source, and goes up', () => {
    for (const route of PATHWAY_ROUTES) {
      expect(route.summary.length).toBeGreaterThan(10);
      expect(route.source).toMatch(/https?:\/\/\S+|工作方案/);
      expect(rank(route.toLevel)).toBeGreaterThan(rank(route.fromLevel));
    }
  });
});

describe('a major’s pathway', () => {
  it('leads 中职 畜牧兽医 at 双辽 to 高职专科 畜牧兽医, saying no Siping school teaches it', async () => {
    const pathway = await majorPathway(stores().catalog, 'sl-animal-husbandry-vet');
    expect(pathway.note).toBeNull();
    expect(pathway.to).toEqual([
      expect.objectContaining({
        level: '高职专科',
        name: '畜牧兽医',
        majors: [],
        source: expect.stringContaining('http'),
      }),
    ]);
    expect(pathway.from).toEqual([]);
    expect(pathway.routes.map((r) => r.id)).toEqual(['vocational-gaokao']);
  });

  it('lists the Siping majors that teach a linked major, with their school and status, leaving out 停招', async () => {
    const vocational = schools.find((x) => x.id === 'sp-vocational-univ');
    if (!vocational) throw new Error('the seed has 四平职业大学');
    const base = majors.find((m) => m.id === 'health-nursing');
    if (!base) throw new Error('the seed has 中职 护理');
    const nursing = (id: string, status: 'enrolling' | 'planned' | 'suspended') => ({
      ...base,
      id,
      level: '高职专科' as const,
      schoolId: 'sp-vocational-univ',
      status,
    });
    const withCollege = createMemoryStores({
      catalog: {
        schools,
        majors: [
          ...majors,
          nursing('college-nursing', 'planned'),
          nursing('college-nursing-old', 'suspended'),
        ],
        certificates,
      },
    });
    const pathway = await majorPathway(withCollege.catalog, 'health-nursing');
    expect(pathway.to).toHaveLength(1);
    expect(pathway.to[0]).toMatchObject({ name: '护理', code: '520201', majorClass: '5202 护理类' });
    expect(pathway.to[0]?.majors).toEqual([
      {
        id: 'college-nursing',
        name: '护理',
        level: '高职专科',
        status: 'planned',
        school: { id: 'sp-vocational-univ', name: vocational.name, county: vocational.county },
      },
    ]);
    const back = await majorPathway(withCollege.catalog, 'college-nursing');
    expect(back.from.map((l) => l.majors.map((m) => m.id))).toEqual([['health-nursing']]);
    expect(back.routes.map((r) => r.id).sort()).toEqual([
      'upgrade-to-bachelor',
      'vocational-bachelor',
      'vocational-gaokao',
    ]);
  });

  it('says so when no link is verified, instead of guessing from a similar name', async () => {
    const pathway = await majorPathway(stores().catalog, 'sl-modern-agronomy');
    expect(pathway.from).toEqual([]);
    expect(pathway.to).toEqual([]);
    expect(pathway.note).toContain('尚未核实');
  });

  it('is 404 for a major that does not exist', async () => {
    await expect(majorPathway(stores().catalog, 'no-such-major')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
