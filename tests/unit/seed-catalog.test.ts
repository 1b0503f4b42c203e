import * as v from 'valibot';
import { certificates, majors, schools } from '../../scripts/seed/catalog';
import { sampleActivities } from '../../scripts/seed/activities';
import { ACTIVITY_KINDS, ActivityCreateInputSchema } from '../../shared/schemas/activity';
import {
  CERTIFICATE_LEVELS,
  LEVELS,
  MAJOR_GROUPS,
  MAJOR_STATUSES,
  SCHOOL_KINDS,
  SchoolSchema,
} from '../../shared/schemas/catalog';
import { COUNTIES } from '../../shared/schemas/common';
import { dayjs, ZONE } from '../../shared/time';
import { validate } from '../../shared/validate';

const NOW = dayjs('2026-12-01T08:00:00+08:00');

/**
 * docs/catalog-review.md: the only majors a public page or the plan's words support, by school, with their
 * status. Everything else left the seed (the production seed run retires it).
 */
const REVIEWED_MAJORS = {
  'sp-vocational-univ': [
    ['spvu-bachelor-intelligent-control', '智能控制技术', '职业本科', 'planned'],
    ['spvu-bachelor-mechanical-design', '机械制造及自动化', '职业本科', 'planned'],
  ],
  'sp-health-school': [
    ['health-nursing', '护理', '中职', 'enrolling'],
    ['health-pharmacy', '药剂', '中职', 'enrolling'],
  ],
  'shuangliao-vocational': [
    ['sl-modern-agronomy', '现代农艺技术', '中职', 'enrolling'],
    ['sl-animal-husbandry-vet', '畜牧兽医', '中职', 'enrolling'],
  ],
};

/** The plan asks each county (市) district to build a 老年大学 (三（四）12); none is known to exist yet. */
const PLANNED_SCHOOLS = [
  'tiexi-senior-univ',
  'tiedong-senior-univ',
  'lishu-senior-univ',
  'yitong-senior-univ',
  'shuangliao-senior-univ',
];

/** A public web address in a source. */
const URL = /https?:\/\/\S+/;

/** PLATFORM.md: 1+X certificates and their 培训评价组织. */
const ISSUERS: Record<string, string> = {
  老年照护: '北京中福长者文化科技有限公司',
  物流管理: '北京中物联物流采购培训中心',
  失智老年人照护: '北京中民福祉教育科技有限责任公司',
  母婴护理: '济南阳光大姐服务有限责任公司',
  电子商务数据分析: '北京博导前程信息技术股份有限公司',
  网店运营推广: '北京鸿科经纬科技有限公司',
  工业机器人操作与运维: '北京新奥时代科技有限责任公司',
  工业机器人应用编程: '北京赛育达科教有限责任公司',
  幼儿照护: '湖南金职伟业母婴护理有限公司',
};

const PARK_SCHOOLS = [
  'sp-vocational-univ',
  'sp-rural-college',
  'sp-health-school',
  'sp-vocational-center',
  'sp-trade-school',
  'sp-technician-school',
];

const schoolIds = new Set(schools.map((s) => s.id));
/** The schools as the store holds them: what the seed leaves out, the schema fills in. */
const schoolRecords = schools.map((s) => v.parse(SchoolSchema, s));
const schoolById = new Map(schoolRecords.map((s) => [s.id, s]));
const majorById = new Map(majors.map((m) => [m.id, m]));
const certificateIds = new Set(certificates.map((c) => c.id));

const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);

describe('seed schools', () => {
  it('has unique, well-formed ids and valid kinds, counties and levels', () => {
    expect(duplicates(schools.map((s) => s.id))).toEqual([]);
    for (const s of schools) {
      expect(s.id).toMatch(/^[a-z0-9-]{1,26}$/);
      expect(SCHOOL_KINDS).toContain(s.kind);
      if (s.county !== null) expect(COUNTIES).toContain(s.county);
      for (const level of s.levels) expect(LEVELS).toContain(level);
      expect(s.direction.length).toBeGreaterThan(0);
    }
  });

  it('cites the plan or a public page for every school', () => {
    for (const s of schools) {
      expect([s.id, s.source.includes('工作方案') || URL.test(s.source)]).toEqual([s.id, true]);
    }
  });

  it('names every school the plan names, as it now exists, with a planned senior university for each county', () => {
    expect(schools).toHaveLength(16);
    const seniors = schools.filter((s) => s.kind === '老年大学');
    expect(seniors.map((s) => s.county).sort()).toEqual([...COUNTIES].sort());
    // 吉林师范大学分院 was abolished and 四平现代职业学院 set up on it (吉政函〔2025〕17号).
    expect(schoolIds).not.toContain('jlnu-siping');
    expect(schoolById.get('sp-modern-vocational')).toMatchObject({
      name: '四平现代职业学院',
      kind: '高职院校',
      levels: ['高职专科'],
      status: 'open',
      website: 'http://www.spxdzyxy.cn/',
    });
    expect(schools.find((s) => s.id === 'sp-modern-vocational')?.source).toMatch(
      /吉政函〔2025〕17号.*http:\/\/huaue\.com\/.*http:\/\/www\.spxdzyxy\.cn\//,
    );
    // No source shows a city-level 老年大学 in 四平市.
    expect(schoolIds).not.toContain('sp-senior-univ');
  });

  it("marks exactly the five county senior universities planned (拟建设), on the plan's words", () => {
    expect(
      schoolRecords
        .filter((s) => s.status === 'planned')
        .map((s) => s.id)
        .sort(),
    ).toEqual([...PLANNED_SCHOOLS].sort());
    for (const id of PLANNED_SCHOOLS) {
      expect(schools.find((s) => s.id === id)?.source).toMatch(
        /三（四）12.*推动每个县（市）区建设1所老年大学/,
      );
    }
  });

  it('puts exactly the six park schools in the park', () => {
    expect(
      schools
        .filter((s) => s.inPark)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...PARK_SCHOOLS].sort());
  });

  it('invents no contact details, and gives a website only where the review found one', () => {
    for (const s of schoolRecords) {
      expect(s.phone).toBeNull();
      expect(s.address).toBeNull();
      expect(s.location).toBeNull();
      expect(s.admissionsContact).toBeNull();
      expect(s.intro).toBeNull();
    }
    expect(schoolRecords.filter((s) => s.website !== null).map((s) => s.id)).toEqual([
      'sp-modern-vocational',
    ]);
  });
});

describe('seed majors', () => {
  it('holds exactly the majors the review kept, with unique, well-formed ids', () => {
    expect(duplicates(majors.map((m) => m.id))).toEqual([]);
    for (const m of majors) expect(m.id).toMatch(/^[a-z0-9-]{1,48}$/);
    const bySchool: Record<string, string[][]> = {};
    for (const m of majors) {
      (bySchool[m.schoolId] ??= []).push([m.id, m.name, m.level, m.status ?? '']);
    }
    expect(bySchool).toEqual(REVIEWED_MAJORS);
  });

  it('uses only known levels and groups, and claims no catalogue, 学制 or code it has not verified', () => {
    for (const m of majors) {
      expect(LEVELS).toContain(m.level);
      expect(MAJOR_GROUPS).toContain(m.group);
      expect([m.id, m.catalogueVersion, m.years, m.code]).toEqual([m.id, null, null, null]);
      expect(m.source).not.toMatch(/专业目录/);
      expect(m.careers.length).toBeGreaterThanOrEqual(2);
      expect(m.careers.length).toBeLessThanOrEqual(4);
      expect(m.summary.length).toBeGreaterThan(0);
    }
  });

  it('places every major at an existing school; an enrolling one at a school that offers its level', () => {
    for (const m of majors) {
      expect([m.id, schoolIds.has(m.schoolId)]).toEqual([m.id, true]);
      // A planned major may be at a level the school is only applying for (四平职业大学's 职业本科).
      if (m.status === 'enrolling') expect(schoolById.get(m.schoolId)?.levels).toContain(m.level);
    }
  });

  it('has no enrolling major at a planned school', () => {
    const planned = new Set(schoolRecords.filter((s) => s.status === 'planned').map((s) => s.id));
    expect(planned.size).toBeGreaterThan(0);
    const wrong = majors.filter((m) => planned.has(m.schoolId) && m.status === 'enrolling').map((m) => m.id);
    expect(wrong).toEqual([]);
  });

  it('has 中职 护理 at 吉林省四平卫生学校 with certificates, for the browse journey', () => {
    const nursing = majors.filter((m) => m.level === '中职' && m.name === '护理');
    expect(nursing.map((m) => [m.id, m.schoolId, m.status])).toEqual([
      ['health-nursing', 'sp-health-school', 'enrolling'],
    ]);
    expect(nursing[0]?.certificateIds).toContain('cert-elderly-care');
  });

  it('marks every 职业本科 major as planned (拟开设), in its status and its words', () => {
    const bachelor = majors.filter((x) => x.level === '职业本科');
    expect(bachelor.length).toBeGreaterThan(0);
    for (const m of bachelor) {
      expect(m.status).toBe('planned');
      expect(m.summary).toMatch(/拟申报/);
    }
  });

  it('gives every major a status and a non-empty source', () => {
    for (const m of majors) {
      expect([m.id, MAJOR_STATUSES.includes(m.status ?? ('' as never))]).toEqual([m.id, true]);
      expect([m.id, typeof m.source === 'string' && m.source.trim().length > 0]).toEqual([m.id, true]);
    }
  });

  it("sources an enrolling major to a public page, and a planned one to the plan's 申报/争取", () => {
    for (const m of majors) {
      if (m.status === 'enrolling') expect([m.id, URL.test(m.source)]).toEqual([m.id, true]);
      if (m.status === 'planned') {
        expect(m.source).toContain('工作方案');
        expect(m.source).toMatch(/三（二）3：“[^”]*申报[^”]*”/);
        expect(m.source).toMatch(/争取/);
      }
    }
  });

  it('names no partner companies the plan does not name', () => {
    for (const m of majors) expect(m.partnerCompanies).toEqual([]);
  });
});

describe('seed certificates', () => {
  it('has exactly the nine verified certificates with their issuers and standard levels', () => {
    expect(certificates).toHaveLength(9);
    expect(duplicates(certificates.map((c) => c.id))).toEqual([]);
    expect(Object.fromEntries(certificates.map((c) => [c.name, c.issuer]))).toEqual(ISSUERS);
    for (const c of certificates) expect(c.levels).toEqual([...CERTIFICATE_LEVELS]);
  });

  it('says which source the review used for each certificate', () => {
    const used = {
      'cert-elderly-care': 'http://zfzj.webtrn.cn/cms/xwdt/161157.htm',
      'cert-logistics': 'https://wlsyfw.lms.webtrn.cn/cms/xwdt/163981.htm',
      'cert-child-care': 'http://www.suratdresswala.com/syxw/pdf/27585.aspx',
    };
    for (const c of certificates) {
      expect(c.source).not.toMatch(/PLATFORM\.md/);
      const page = used[c.id as keyof typeof used];
      // The other six rest only on a secondary compilation of the 1+X lists, and say so.
      if (page) expect(c.source).toContain(page);
      else expect(c.source).toMatch(/1\+X第二批.*二手整理.*chinazy\.org/);
    }
  });

  it('agrees with the majors in both directions', () => {
    for (const m of majors) {
      for (const id of m.certificateIds) {
        expect(certificateIds).toContain(id);
        expect(certificates.find((c) => c.id === id)?.majorIds).toContain(m.id);
      }
    }
    for (const c of certificates) {
      for (const id of c.majorIds) expect(majorById.get(id)?.certificateIds).toContain(c.id);
      expect(duplicates(c.majorIds)).toEqual([]);
    }
  });

  it('lists the schools of its majors, and any other school only where its source names it a 试点院校', () => {
    for (const c of certificates) {
      const ofMajors = [...new Set(c.majorIds.map((id) => majorById.get(id)?.schoolId))];
      expect(duplicates([...c.schoolIds])).toEqual([]);
      for (const id of ofMajors) expect(c.schoolIds).toContain(id);
      for (const id of c.schoolIds) {
        expect(schoolIds).toContain(id);
        if (!ofMajors.includes(id))
          expect([c.id, c.source]).toEqual([c.id, expect.stringContaining(schoolById.get(id)?.name ?? id)]);
      }
    }
    // [S8]: 四平现代职业学院 is a 1+X 幼儿照护 pilot school: the one sourced certificate–school link.
    expect(certificates.find((c) => c.id === 'cert-child-care')?.schoolIds).toEqual(['sp-modern-vocational']);
  });
});

describe('seed activities', () => {
  const activities = sampleActivities(NOW);

  it('has at least 24 activities with unique, stable ids', () => {
    expect(activities.length).toBeGreaterThanOrEqual(24);
    const ids = activities.map((a) => a.id);
    expect(duplicates(ids)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^act-[a-z0-9-]{1,44}$/);
    expect(sampleActivities(NOW.add(17, 'day')).map((a) => a.id)).toEqual(ids);
  });

  it('passes the create schema unchanged', () => {
    for (const a of activities) {
      const { id: _id, ...input } = a;
      const result = validate(ActivityCreateInputSchema, input);
      expect(result).toEqual({ ok: true, value: input });
    }
  });

  it('is upcoming, organised by a seeded school, open for sign-up now and marked as a sample', () => {
    for (const a of activities) {
      expect(schoolIds).toContain(a.schoolId);
      expect(dayjs(a.startsAt).isAfter(NOW.add(2, 'day'))).toBe(true);
      expect(dayjs(a.startsAt).isBefore(NOW.add(41, 'day'))).toBe(true);
      expect(a.startsAt).toMatch(/\+08:00$/);
      expect(dayjs(a.signupOpensAt).isBefore(NOW)).toBe(true);
      expect(dayjs(a.signupClosesAt).isAfter(NOW)).toBe(true);
      expect(a.description).toContain('示例活动');
    }
  });

  it('covers every kind, and has small activities so full and waitlisted states show', () => {
    for (const kind of ACTIVITY_KINDS) expect(activities.some((a) => a.kind === kind)).toBe(true);
    const small = activities.filter((a) => a.capacity <= 10);
    expect(small.length).toBeGreaterThanOrEqual(4);
    expect(small.some((a) => a.kind === 'senior')).toBe(true);
    expect(small.some((a) => a.kind === 'outreach')).toBe(true);
  });

  it('holds 送教下乡 in 双辽, 梨树 and 伊通, by those schools and the rural college', () => {
    const outreach = activities.filter((a) => a.kind === 'outreach');
    expect(new Set(outreach.map((a) => a.county))).toEqual(new Set(['双辽市', '梨树县', '伊通满族自治县']));
    for (const a of outreach) {
      expect([
        'shuangliao-vocational',
        'lishu-vocational',
        'yitong-vocational',
        'sp-rural-college',
      ]).toContain(a.schoolId);
      expect(a.schedule).toBeUndefined();
      expect(a.place.village).toBeDefined();
    }
  });

  it('gives each senior university and the open university (三（四）12) a weekly term whose first class is startsAt', () => {
    const senior = activities.filter((a) => a.kind === 'senior');
    const seniorSchools = schools.filter((s) => s.kind === '老年大学').map((s) => s.id);
    for (const id of [...seniorSchools, 'sp-open-university'])
      expect([id, senior.some((a) => a.schoolId === id)]).toEqual([id, true]);
    for (const a of senior) expect([...seniorSchools, 'sp-open-university']).toContain(a.schoolId);
    for (const a of senior) {
      const schedule = a.schedule;
      if (!schedule) throw new Error(`${a.id} has no schedule`);
      const first = dayjs.tz(schedule.firstDate, ZONE);
      expect(first.day() || 7).toBe(schedule.weekday);
      expect(a.startsAt).toBe(`${schedule.firstDate}T${schedule.startTime}:00+08:00`);
      expect(a.endsAt).toBe(`${schedule.firstDate}T${schedule.endTime}:00+08:00`);
      const weeks = dayjs.tz(schedule.lastDate, ZONE).diff(first, 'day') / 7;
      expect(weeks).toBeGreaterThanOrEqual(8);
      expect(weeks).toBeLessThanOrEqual(12);
      expect(Number.isInteger(weeks)).toBe(true);
    }
  });
});
