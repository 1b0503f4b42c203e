import * as v from 'valibot';
import type { Caller } from '../../functions/domain/access';
import {
  createMajor,
  proposeMajor,
  proposeRetire,
  proposeSchool,
  updateMajor,
  updateSchool,
} from '../../functions/domain/catalog/editing';
import { getMajor, listMajors } from '../../functions/domain/catalog/catalog';
import { MajorCreateInputSchema, SchoolPatchInputSchema } from '../../shared/schemas/catalog-editing';
import { certificates, majors, schools } from '../../scripts/seed/catalog';
import { createMemoryStores, type MemoryStores } from '../support/memory';

/**
 * The catalog's editing rules (issue 14) as use-cases on the in-memory stores: what a school admin may change,
 * what only the bureau may, and the rules every edit passes, whether it comes from a form or a workbook.
 */
const NOW = Date.parse('2030-03-05T10:00:00+08:00');
const A = 'shuangliao-vocational';
const B = 'lishu-vocational';
const PLANNED_SCHOOL = 'tiexi-senior-univ';

const bureau: Caller = { userId: 'admin', roles: ['user', 'admin'] };
const adminOfA: Caller = { userId: 'principal-a', roles: ['user', `school-admin:${A}`] };
const teacherOfA: Caller = { userId: 'teacher-a', roles: ['user', `staff:${A}`] };

let stores: MemoryStores;
beforeEach(() => {
  stores = createMemoryStores({ now: NOW, catalog: { schools, majors, certificates } });
});

const input = (over: Record<string, unknown> = {}) =>
  v.parse(MajorCreateInputSchema, {
    schoolId: A,
    name: '农产品加工与质量检测',
    level: '中职',
    field: '现代农业',
    status: 'planned',
    source: '《关于推动四平市现代职业教育高质量发展推进技能社会建设的工作方案》三（二）4',
    ...over,
  });

describe('who may change what', () => {
  it('a school admin changes the profile of their school, and nothing else of it', async () => {
    const patch = v.parse(SchoolPatchInputSchema, { phone: '0434-3200000', intro: '国家级重点校' });
    const school = await updateSchool(stores, adminOfA, A, patch);
    expect(school).toMatchObject({ phone: '0434-3200000', intro: '国家级重点校', version: 1 });
    await expect(
      updateSchool(stores, adminOfA, A, v.parse(SchoolPatchInputSchema, { kind: '技工学校' })),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('教育局') });
    await expect(updateSchool(stores, adminOfA, B, patch)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateSchool(stores, teacherOfA, A, patch)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await updateSchool(stores, bureau, A, v.parse(SchoolPatchInputSchema, { kind: '技工学校' })),
    ).toMatchObject({ kind: '技工学校', version: 2 });
  });

  it('sending a field unchanged is not a change: the whole form may come back', async () => {
    const snapshot = await stores.catalog.snapshot();
    const before = snapshot.schools.find((s) => s.id === A);
    if (!before) throw new Error('the seed has 双辽市职业中专');
    const proposal = proposeSchool(
      adminOfA,
      snapshot,
      before,
      { name: before.name, phone: '0434-3200001' },
      NOW,
    );
    expect(proposal).toEqual({
      ok: true,
      record: expect.objectContaining({ name: before.name, phone: '0434-3200001', version: 1 }),
      changes: { phone: { from: null, to: '0434-3200001' } },
    });
  });

  it('a school admin adds and edits majors of their own school only', async () => {
    const made = await createMajor(stores, adminOfA, input());
    expect(made).toMatchObject({ schoolId: A, status: 'planned', field: '现代农业', version: 1 });
    await expect(createMajor(stores, adminOfA, input({ schoolId: B }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(updateMajor(stores, adminOfA, made.id, { schoolId: B })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(updateMajor(stores, teacherOfA, made.id, { years: 3 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await updateMajor(stores, adminOfA, made.id, { years: 3, status: 'enrolling' })).toMatchObject({
      years: 3,
      status: 'enrolling',
      version: 2,
    });
  });

  it('only the bureau retires a school; a school admin may retire their own majors', () => {
    const school = { ...(schools[0] as object), retiredAt: null, version: 0 } as never;
    expect(proposeRetire(adminOfA, school, 'school', NOW).ok).toBe(false);
    expect(proposeRetire(bureau, school, 'school', NOW).ok).toBe(true);
    const major = { id: 'm', schoolId: A, retiredAt: null, version: 0 };
    expect(proposeRetire(adminOfA, major, 'major', NOW)).toMatchObject({ ok: true, record: { version: 1 } });
    expect(proposeRetire(adminOfA, { ...major, schoolId: B }, 'major', NOW).ok).toBe(false);
  });
});

describe('what every edit must satisfy', () => {
  it('a 拟建设 school has no 在招 majors', async () => {
    const snapshot = await stores.catalog.snapshot();
    const proposal = proposeMajor(
      bureau,
      snapshot,
      null,
      input({ schoolId: PLANNED_SCHOOL, status: 'enrolling' }),
      NOW,
    );
    expect(proposal).toMatchObject({ ok: false, forbidden: false, issues: [{ field: 'status' }] });
  });

  it('the same name and level twice at one school is refused; at another school it is fine', async () => {
    await createMajor(stores, bureau, input());
    await expect(createMajor(stores, bureau, input())).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(createMajor(stores, bureau, input({ schoolId: B }))).resolves.toMatchObject({ schoolId: B });
  });

  it('a 停招 major leaves the list, and its page still says 停招', async () => {
    const made = await createMajor(stores, bureau, input({ status: 'enrolling' }));
    await updateMajor(stores, bureau, made.id, { status: 'suspended' });
    const listed = await listMajors(stores.catalog, { schoolId: A, limit: 100 });
    expect(listed.items.map((m) => m.id)).not.toContain(made.id);
    expect((await getMajor(stores.catalog, made.id)).status).toBe('suspended');
  });

  it('the schemas refuse what a secretary might type, with a message that says what to type', () => {
    const bad = v.safeParse(MajorCreateInputSchema, {
      ...input(),
      years: 30,
      code: '护理',
      intake: [
        { year: 2027, places: 40 },
        { year: 2027, places: 50 },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.issues?.map((i) => i.message) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        '学制应为 1–6 年',
        '专业代码应为 4–6 位数字，未核实请留空',
        '同一年的招生计划只能有一条',
      ]),
    );
    const phone = v.safeParse(SchoolPatchInputSchema, { phone: '打我电话' });
    expect(phone.issues?.[0]?.message).toContain('0434-');
  });
});
