import { certificates, majors, schools } from '../../scripts/seed/catalog';
import { sampleActivities } from '../../scripts/seed/activities';
import { ACTIVITY_KINDS, ActivityCreateInputSchema } from '../../shared/schemas/activity';
import {
  CERTIFICATE_LEVELS,
  LEVELS,
  MAJOR_GROUPS,
  MAJOR_STATUSES,
  SCHOOL_KINDS,
} from '../../shared/schemas/catalog';
import { COUNTIES } from '../../shared/schemas/common';
import { dayjs, ZONE } from '../../shared/time';
import { validate } from '../../shared/validate';

const NOW = dayjs('2026-12-01T08:00:00+08:00');

/** PLATFORM.md: the only national codes confirmed from public data. */
const VERIFIED_CODES = [
  { level: '高职专科', name: '机电一体化技术', code: '460301' },
  { level: '高职专科', name: '护理', code: '520201' },
  { level: '高职专科', name: '婴幼儿托育服务与管理', code: '520802' },
  { level: '高职专科', name: '电子商务', code: '530701' },
  { level: '高职专科', name: '现代物流管理', code: '530802' },
  { level: '高职专科', name: '学前教育', code: '570102K' },
  { level: '中职', name: '机电技术应用', code: '660301' },
  { level: '中职', name: '电子商务', code: '730701' },
];

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
      expect(s.source).toContain('工作方案');
    }
  });

  it('names every school the plan names, with a senior university for each county and the city', () => {
    expect(schools).toHaveLength(17);
    const seniors = schools.filter((s) => s.kind === '老年大学');
    expect(seniors.map((s) => s.county).sort()).toEqual([null, ...COUNTIES].sort());
  });

  it('puts exactly the six park schools in the park', () => {
    expect(
      schools
        .filter((s) => s.inPark)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...PARK_SCHOOLS].sort());
  });

  it('invents no contact details', () => {
    for (const s of schools) {
      expect(s.phone).toBeNull();
      expect(s.address).toBeNull();
      expect(s.location).toBeNull();
    }
  });
});

describe('seed majors', () => {
  it('has at least 30 majors with unique, well-formed ids', () => {
    expect(majors.length).toBeGreaterThanOrEqual(30);
    expect(duplicates(majors.map((m) => m.id))).toEqual([]);
    for (const m of majors) expect(m.id).toMatch(/^[a-z0-9-]{1,48}$/);
  });

  it('uses only known levels, groups and the 2021 catalogue', () => {
    for (const m of majors) {
      expect(LEVELS).toContain(m.level);
      expect(MAJOR_GROUPS).toContain(m.group);
      expect(m.catalogueVersion).toBe('2021');
      expect(m.careers.length).toBeGreaterThanOrEqual(2);
      expect(m.careers.length).toBeLessThanOrEqual(4);
      expect(m.summary.length).toBeGreaterThan(0);
    }
  });

  it('places every major at an existing school that offers its level', () => {
    for (const m of majors) {
      expect(schoolIds).toContain(m.schoolId);
      expect(schools.find((s) => s.id === m.schoolId)?.levels).toContain(m.level);
    }
  });

  it('carries a national code only where it is verified, matching name and level', () => {
    const coded = majors.filter((m) => m.code !== null);
    expect(coded.length).toBeGreaterThan(0);
    for (const m of coded) {
      expect(VERIFIED_CODES).toContainEqual({ level: m.level, name: m.name, code: m.code });
    }
    for (const m of majors) {
      const verified = VERIFIED_CODES.find((v) => v.level === m.level && v.name === m.name);
      expect(m.code).toBe(verified ? verified.code : null);
    }
  });

  it('offers every level, and 高职专科 护理 with certificates for the browse journey', () => {
    for (const level of LEVELS) expect(majors.some((m) => m.level === level)).toBe(true);
    const nursing = majors.find((m) => m.level === '高职专科' && m.name === '护理');
    expect(nursing?.certificateIds.length).toBeGreaterThan(0);
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
      expect([m.id, m.source.trim().length > 0]).toEqual([m.id, true]);
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
    for (const c of certificates) {
      expect(c.levels).toEqual([...CERTIFICATE_LEVELS]);
      expect(c.majorIds.length).toBeGreaterThan(0);
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

  it('lists exactly the schools of its majors', () => {
    for (const c of certificates) {
      const expected = [...new Set(c.majorIds.map((id) => majorById.get(id)?.schoolId))].sort();
      expect([...c.schoolIds].sort()).toEqual(expected);
      for (const id of c.schoolIds) expect(schoolIds).toContain(id);
    }
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

  it('gives each senior university a weekly term whose first class is startsAt', () => {
    const senior = activities.filter((a) => a.kind === 'senior');
    const seniorSchools = schools.filter((s) => s.kind === '老年大学').map((s) => s.id);
    for (const id of seniorSchools) expect(senior.some((a) => a.schoolId === id)).toBe(true);
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
