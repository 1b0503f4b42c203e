import ExcelJS from 'exceljs';
import * as v from 'valibot';
import type { Caller } from '../../functions/domain/access';
import {
  catalogRows,
  exportCatalog,
  importCatalog,
  planImport,
  SHEET_HEADERS,
  type WorkbookSheets,
} from '../../functions/domain/catalog/workbook';
import { createMajor, updateMajor } from '../../functions/domain/catalog/editing';
import { DomainError } from '../../functions/domain/errors';
import { MajorCreateInputSchema } from '../../shared/schemas/catalog-editing';
import { readCatalogWorkbook, writeCatalogWorkbook } from '../../functions/lib/xlsx';
import type { Catalog } from '../support/memory/catalog-store';
import { createMemoryStores, type MemoryStores } from '../support/memory';

/**
 * The catalog workbook on the in-memory stores: exported, read back by the real .xlsx reader, edited as a
 * school secretary would, and planned or imported. Its own small catalog, so the seed's content may change.
 */

const NOW = '2030-03-05T10:00:00+08:00';
const A = 'test-school-a';
const B = 'test-school-b';

const CATALOG: Catalog = {
  schools: [
    {
      id: A,
      name: '甲市职业中专',
      shortName: '甲职专',
      kind: '中职学校',
      county: '双辽市',
      inPark: false,
      levels: ['中职'],
      direction: '现代农业',
      phone: '0434-7223456',
      location: { lat: 43.52, lng: 123.5 },
      source: '规划第三章',
    },
    {
      id: B,
      name: '乙县职教中心',
      shortName: '乙职教',
      kind: '中职学校',
      county: '梨树县',
      inPark: false,
      levels: ['中职'],
      direction: '',
      source: '规划第三章',
    },
  ],
  majors: [
    {
      id: 'major-a-nursing',
      name: '护理',
      level: '中职',
      years: 3,
      schoolId: A,
      group: '医药卫生',
      code: '720201',
      summary: '培养护理人员',
      careers: ['护士', '护理员'],
      partnerCompanies: ['甲市医院'],
      certificateIds: ['cert-care'],
      intake: [{ year: 2026, places: 120 }],
      source: '学校招生简章',
    },
    {
      id: 'major-a-farming',
      name: '现代农艺技术',
      level: '中职',
      years: 3,
      schoolId: A,
      group: '现代农业',
      code: null,
      summary: '',
      careers: [],
      partnerCompanies: [],
      certificateIds: [],
      source: '学校招生简章',
    },
    {
      id: 'major-b-trade',
      name: '电子商务',
      level: '中职',
      years: 3,
      schoolId: B,
      group: '财经商贸',
      code: null,
      summary: '',
      careers: [],
      partnerCompanies: [],
      certificateIds: ['cert-shop'],
      source: '学校招生简章',
    },
  ],
  certificates: [
    {
      id: 'cert-care',
      name: '老年照护',
      issuer: '某照护评价组织',
      levels: ['初级', '中级'],
      summary: '',
      majorIds: [],
      schoolIds: [A],
      source: '教育部 1+X 名单',
    },
    {
      id: 'cert-shop',
      name: '网店运营推广',
      issuer: '某电商评价组织',
      levels: ['初级'],
      summary: '',
      majorIds: [],
      schoolIds: [B],
      source: '教育部 1+X 名单',
    },
  ],
};

const ADMIN: Caller = { userId: 'admin', roles: ['user', 'admin'] };
const SCHOOL_ADMIN_A: Caller = { userId: 'principal-a', roles: ['user', `staff:${A}`, `school-admin:${A}`] };
const TEACHER_A: Caller = { userId: 'teacher-a', roles: ['user', `staff:${A}`] };

let deps: MemoryStores;
beforeEach(() => {
  deps = createMemoryStores({ now: NOW, catalog: structuredClone(CATALOG) });
});

/** The caller's workbook as the file holds it: exported, written, and read back. */
async function exported(caller: Caller): Promise<WorkbookSheets> {
  const { rows } = await exportCatalog(deps, caller);
  return readCatalogWorkbook(await writeCatalogWorkbook(rows));
}

/** The Excel row (1-based) of an item's row in a sheet. */
function rowOf(sheets: WorkbookSheets, sheet: string, id: string): number {
  const at = (sheets[sheet] ?? []).findIndex((r) => r[0] === id);
  if (at < 0) throw new Error(`${id} is not on ${sheet}`);
  return at + 1;
}

function columnOf(sheet: keyof typeof SHEET_HEADERS, header: string): number {
  const at = SHEET_HEADERS[sheet].indexOf(header);
  if (at < 0) throw new Error(`${header} is not a column of ${sheet}`);
  return at;
}

/** Types `text` into the cell of an item's row under `header`, as a secretary would. */
function edit(
  sheets: WorkbookSheets,
  sheet: keyof typeof SHEET_HEADERS,
  id: string,
  header: string,
  text: string,
): number {
  const row = rowOf(sheets, sheet, id);
  const cells = sheets[sheet]?.[row - 1] as string[];
  cells[columnOf(sheet, header)] = text;
  return row;
}

/** Adds a row at the end of a sheet, by header. */
function append(sheets: WorkbookSheets, sheet: keyof typeof SHEET_HEADERS, byHeader: Record<string, string>) {
  const cells = SHEET_HEADERS[sheet].map((h) => byHeader[h] ?? '');
  sheets[sheet]?.push(cells);
  return sheets[sheet]?.length ?? 0;
}

const plan = async (caller: Caller, sheets: WorkbookSheets) =>
  planImport(caller, await deps.catalog.snapshot(), sheets, deps.clock.now());

describe('export', () => {
  it('reads back exactly the rows it wrote, and an untouched workbook changes nothing', async () => {
    const { rows } = await exportCatalog(deps, ADMIN);
    const sheets = await readCatalogWorkbook(await writeCatalogWorkbook(rows));
    for (const sheet of rows.sheets) {
      const asText = [sheet.columns.map((c) => c.header), ...sheet.rows].map((r) =>
        r.map((c) => (c === null ? '' : String(c))),
      );
      // The reader drops trailing empty cells; compare cell by cell.
      const back = sheets[sheet.name] ?? [];
      expect(back).toHaveLength(asText.length);
      asText.forEach((row, r) => row.forEach((cell, c) => expect(back[r]?.[c] ?? '').toBe(cell)));
    }
    expect(Object.keys(sheets)).toEqual(['学校', '专业', '证书', '说明', '_版本']);
    expect(sheets['专业']?.[0]?.slice(0, 12)).toEqual([
      '编号',
      '学校编号',
      '专业名称',
      '层次',
      '学制（年）',
      '状态',
      '专业代码',
      '简介',
      '就业方向',
      '合作企业',
      '可考证书',
      '信息来源',
    ]);
    const nursing = sheets['专业']?.[rowOf(sheets, '专业', 'major-a-nursing') - 1];
    expect(nursing).toEqual(
      expect.arrayContaining(['在招', '3', '720201', '护士、护理员', '老年照护', '医药卫生', '2026:120']),
    );

    const result = await importCatalog(deps, ADMIN, async () => sheets, { dryRun: false });
    expect(result).toEqual({ dryRun: false, applied: true, added: [], changed: [], retired: [], errors: [] });
    expect((await deps.audit.list(undefined, 10)).items).toHaveLength(0);
  });

  it('writes a bold, frozen header, text-formatted codes and dropdowns for 层次 and 状态', async () => {
    const { rows } = await exportCatalog(deps, ADMIN);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeCatalogWorkbook(rows)) as never);
    const majors = book.getWorksheet('专业');
    expect(majors?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(majors?.getRow(1).font?.bold).toBe(true);
    expect(majors?.getColumn(7).numFmt).toBe('@');
    const validations = (
      majors as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    expect(validations.F2?.formulae).toEqual(['"在招,拟开设,停招"']);
    expect(validations.D2?.formulae).toEqual(['"中职,高职专科,职业本科"']);
  });

  it('gives a school admin their school, its majors and the certificates they lead to; a teacher nothing', async () => {
    const sheets = await exported(SCHOOL_ADMIN_A);
    const ids = (name: string) => (sheets[name] ?? []).slice(1).map((r) => r[0]);
    expect(ids('学校')).toEqual([A]);
    expect(ids('专业').sort()).toEqual(['major-a-farming', 'major-a-nursing']);
    expect(ids('证书')).toEqual(['cert-care']);
    await expect(exportCatalog(deps, TEACHER_A)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(importCatalog(deps, TEACHER_A, async () => sheets, { dryRun: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('leaves retired items out', async () => {
    const snapshot = await deps.catalog.snapshot();
    snapshot.majors[0] = { ...(snapshot.majors[0] as (typeof snapshot.majors)[number]), retiredAt: NOW };
    const rows = catalogRows(snapshot, ADMIN);
    const majors = rows.sheets.find((s) => s.name === '专业')?.rows ?? [];
    expect(majors.map((r) => r[0])).not.toContain(snapshot.majors[0]?.id);
  });
});

describe('import', () => {
  it('shows a changed cell as {from, to}, writes nothing on a dry run, then applies it with one audit entry', async () => {
    const sheets = await exported(ADMIN);
    const row = edit(sheets, '专业', 'major-a-nursing', '学制（年）', '4');
    edit(sheets, '专业', 'major-a-nursing', '状态', '停招');
    edit(sheets, '专业', 'major-a-nursing', '合作企业', '甲市医院，乙市医院');

    const planned = await plan(ADMIN, sheets);
    expect(planned.result.errors).toEqual([]);
    expect(planned.result.changed).toEqual([
      {
        sheet: '专业',
        row,
        id: 'major-a-nursing',
        name: '护理',
        fields: {
          years: { from: 3, to: 4 },
          status: { from: 'enrolling', to: 'suspended' },
          partners: { from: ['甲市医院'], to: ['甲市医院', '乙市医院'] },
        },
      },
    ]);
    expect(planned.writes).toHaveLength(1);
    expect(planned.writes[0]).toMatchObject({ kind: 'major', expectedVersion: 0 });

    const before = await deps.catalog.snapshot();
    const dry = await importCatalog(deps, ADMIN, async () => sheets, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, applied: false, changed: planned.result.changed });
    expect(await deps.catalog.snapshot()).toEqual(before);

    const done = await importCatalog(deps, ADMIN, async () => sheets, { dryRun: false });
    expect(done).toMatchObject({ dryRun: false, applied: true, errors: [] });
    const nursing = (await deps.catalog.snapshot()).majors.find((m) => m.id === 'major-a-nursing');
    expect(nursing).toMatchObject({
      years: 4,
      status: 'suspended',
      partnerCompanies: ['甲市医院', '乙市医院'],
      version: 1,
    });
    const audit = (await deps.audit.list(undefined, 10)).items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'admin',
      action: 'import-catalog',
      target: 'catalog',
      before: { 'major:major-a-nursing': { years: 3, status: 'enrolling', partners: ['甲市医院'] } },
      after: {
        'major:major-a-nursing': { years: 4, status: 'suspended', partners: ['甲市医院', '乙市医院'] },
      },
    });
  });

  it('names each cell to fix in Excel terms and writes nothing', async () => {
    const sheets = await exported(ADMIN);
    const row = edit(sheets, '专业', 'major-a-nursing', '状态', '招生中');
    edit(sheets, '专业', 'major-a-nursing', '学制（年）', '三年');
    const farming = edit(sheets, '专业', 'major-a-farming', '招生计划', '明年招100人');
    const school = edit(sheets, '学校', A, '电话', '打电话给王老师');

    const { result } = await plan(ADMIN, sheets);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { sheet: '专业', cell: `F${row}`, message: '状态应为 在招、拟开设 或 停招' },
        { sheet: '专业', cell: `E${row}`, message: expect.stringMatching(/^学制应填年数（数字），如 3/) },
        { sheet: '专业', cell: `N${farming}`, message: expect.stringContaining('2026:120；2027:150') },
        { sheet: '学校', cell: `G${school}`, message: expect.stringMatching(/^电话应为数字/) },
      ]),
    );
    expect(result.errors).toHaveLength(4);

    const before = await deps.catalog.snapshot();
    const refused = await importCatalog(deps, ADMIN, async () => sheets, { dryRun: false }).catch((e) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'IMPORT_INVALID', details: { errors: result.errors } });
    expect(await deps.catalog.snapshot()).toEqual(before);
    expect((await deps.audit.list(undefined, 10)).items).toHaveLength(0);
  });

  it("refuses a school admin's row of another school, on that row's 学校编号", async () => {
    const admins = await exported(ADMIN);
    const mine = await exported(SCHOOL_ADMIN_A);
    const theirs = admins['专业']?.[rowOf(admins, '专业', 'major-b-trade') - 1] as string[];
    const pasted = append(
      mine,
      '专业',
      Object.fromEntries(SHEET_HEADERS['专业'].map((h, i) => [h, theirs[i] ?? ''])),
    );
    const added = append(mine, '专业', {
      学校编号: B,
      专业名称: '物流服务',
      层次: '中职',
      状态: '在招',
      信息来源: '学校招生简章',
      专业方向: '财经商贸',
    });

    const { result, writes } = await plan(SCHOOL_ADMIN_A, mine);
    expect(result.errors).toEqual([
      { sheet: '专业', cell: `B${pasted}`, message: `第 ${pasted} 行是其他学校的专业，您只能导入本校的专业` },
      { sheet: '专业', cell: `B${added}`, message: expect.stringContaining('只能为本校添加专业') },
    ]);
    expect(writes).toEqual([]);
  });

  it('lets a school admin edit the profile but not the name, and not retire a certificate', async () => {
    const sheets = await exported(SCHOOL_ADMIN_A);
    edit(sheets, '学校', A, '电话', '0434-7229999');
    const row = edit(sheets, '学校', A, '学校名称', '甲市第一职业中专');
    const certs = sheets['证书'] as string[][];
    certs.splice(rowOf(sheets, '证书', 'cert-care') - 1, 1);

    const { result } = await plan(SCHOOL_ADMIN_A, sheets);
    expect(result.errors).toEqual([
      { sheet: '学校', cell: `B${row}`, message: expect.stringContaining('学校名称、类型、区县') },
      { sheet: '证书', cell: '', message: expect.stringContaining('“老年照护”（编号 cert-care）') },
    ]);

    edit(sheets, '学校', A, '学校名称', '甲市职业中专');
    delete sheets['证书'];
    const fixed = await plan(SCHOOL_ADMIN_A, sheets);
    expect(fixed.result.errors).toEqual([]);
    expect(fixed.result.changed).toEqual([
      expect.objectContaining({ id: A, fields: { phone: { from: '0434-7223456', to: '0434-7229999' } } }),
    ]);
  });

  it('retires a row that is missing from its sheet, and leaves a missing sheet alone', async () => {
    const sheets = await exported(ADMIN);
    (sheets['专业'] as string[][]).splice(rowOf(sheets, '专业', 'major-a-farming') - 1, 1);
    delete sheets['证书'];

    const planned = await plan(ADMIN, sheets);
    expect(planned.result.errors).toEqual([]);
    expect(planned.result.retired).toEqual([
      { sheet: '专业', row: null, id: 'major-a-farming', name: '现代农艺技术' },
    ]);
    expect(planned.writes).toHaveLength(1);

    await importCatalog(deps, ADMIN, async () => sheets, { dryRun: false });
    const after = await deps.catalog.snapshot();
    expect(after.majors.find((m) => m.id === 'major-a-farming')?.retiredAt).toBe('2030-03-05T10:00:00+08:00');
    expect(after.certificates.every((c) => c.retiredAt === null)).toBe(true);
    const next = await exported(ADMIN);
    expect((next['专业'] ?? []).map((r) => r[0])).not.toContain('major-a-farming');
  });

  it('adds a new row with a fresh id, naming a certificate by its name', async () => {
    const sheets = await exported(SCHOOL_ADMIN_A);
    const row = append(sheets, '专业', {
      学校编号: A,
      专业名称: '康复技术',
      层次: '中职',
      '学制（年）': '3',
      状态: '拟开设',
      就业方向: '康复治疗士；社区康复员',
      可考证书: '老年照护',
      信息来源: '学校 2026 年招生简章',
      专业方向: '医药卫生',
      招生计划: '2026：40',
    });

    const dry = await importCatalog(deps, SCHOOL_ADMIN_A, async () => sheets, { dryRun: true });
    expect(dry.errors).toEqual([]);
    expect(dry.added).toEqual([{ sheet: '专业', row, id: null, name: '康复技术' }]);
    expect((await deps.catalog.snapshot()).majors).toHaveLength(3);

    const done = await importCatalog(deps, SCHOOL_ADMIN_A, async () => sheets, { dryRun: false });
    const id = done.added[0]?.id ?? '';
    expect(id).toMatch(/^major-[0-9a-f]{8}$/);
    const added = (await deps.catalog.snapshot()).majors.find((m) => m.id === id);
    expect(added).toMatchObject({
      schoolId: A,
      status: 'planned',
      years: 3,
      group: '医药卫生',
      careers: ['康复治疗士', '社区康复员'],
      certificateIds: ['cert-care'],
      intake: [{ year: 2026, places: 40 }],
      catalogueVersion: '2021',
      version: 1,
    });
    const [entry] = (await deps.audit.list(undefined, 10)).items;
    expect(entry?.after).toMatchObject({ [`major:${id}`]: { name: '康复技术' } });
  });

  it('refuses a header that is not the exported one, and an id that is not in the catalog', async () => {
    const sheets = await exported(ADMIN);
    (sheets['专业']?.[0] as string[])[2] = '名称';
    const row = edit(sheets, '学校', B, '编号', 'no-such-school');
    const { result, writes } = await plan(ADMIN, sheets);
    expect(result.errors).toEqual([
      { sheet: '学校', cell: `A${row}`, message: expect.stringContaining('编号“no-such-school”不在目录中') },
      {
        sheet: '专业',
        cell: 'C1',
        message: '专业 表第 1 行 C1 应为“专业名称”，请使用导出的表格，不要增删或移动列',
      },
    ]);
    // 乙县职教中心's row lost its id; the sheet no longer lists it, so it would be retired were nothing wrong.
    expect(writes.map((w) => w.record.id)).toEqual([B]);
  });

  it('treats a list typed with other separators as unchanged, and checks 纬度 and 经度 together', async () => {
    const sheets = await exported(ADMIN);
    edit(sheets, '专业', 'major-a-nursing', '就业方向', '护士，护理员');
    const row = edit(sheets, '学校', A, '经度', '');
    const { result, writes } = await plan(ADMIN, sheets);
    expect(result.errors).toEqual([
      { sheet: '学校', cell: `J${row}`, message: '纬度和经度要一起填写；不知道位置就都留空' },
    ]);
    expect(writes).toEqual([]);
  });

  it('will not set back an edit made since the export, nor delete an item added since', async () => {
    const sheets = await exported(SCHOOL_ADMIN_A);
    const row = edit(sheets, '专业', 'major-a-nursing', '学制（年）', '4');
    // Meanwhile the bureau changes the same major in a form, and adds one at the school.
    await updateMajor(deps, ADMIN, 'major-a-nursing', { tuition: '每年 3500 元' });
    const added = await createMajor(
      deps,
      ADMIN,
      v.parse(MajorCreateInputSchema, {
        schoolId: A,
        name: '口腔护理',
        level: '中职',
        field: '医药卫生',
        status: 'planned',
        source: '规划第三章',
      }),
    );

    const { result, writes } = await plan(SCHOOL_ADMIN_A, sheets);
    expect(result.errors).toEqual([
      { sheet: '专业', cell: `A${row}`, message: expect.stringContaining('在您导出表格之后又被修改过') },
    ]);
    expect(result.retired).toEqual([]);
    expect(writes).toEqual([]);

    // A fresh export has both; the same edit then goes through.
    const fresh = await exported(SCHOOL_ADMIN_A);
    expect(rowOf(fresh, '专业', added.id)).toBeGreaterThan(1);
    edit(fresh, '专业', 'major-a-nursing', '学制（年）', '4');
    const again = await plan(SCHOOL_ADMIN_A, fresh);
    expect(again.result.errors).toEqual([]);
    expect(again.result.changed.map((c) => c.fields)).toEqual([{ years: { from: 3, to: 4 } }]);
  });

  it('takes the same file again after importing it: the rows it wrote are as they are now', async () => {
    const sheets = await exported(SCHOOL_ADMIN_A);
    edit(sheets, '专业', 'major-a-nursing', '学制（年）', '4');
    await importCatalog(deps, SCHOOL_ADMIN_A, async () => sheets, { dryRun: false });
    edit(sheets, '专业', 'major-a-farming', '学费', '免学费');
    const again = await plan(SCHOOL_ADMIN_A, sheets);
    expect(again.result.errors).toEqual([]);
    expect(again.result.changed).toEqual([
      expect.objectContaining({ id: 'major-a-farming', fields: { tuition: { from: null, to: '免学费' } } }),
    ]);
  });

  it('checks a workbook without its versions against the catalog as it is', async () => {
    const sheets = await exported(ADMIN);
    delete sheets['_版本'];
    (sheets['专业'] as string[][]).splice(rowOf(sheets, '专业', 'major-b-trade') - 1, 1);
    const { result } = await plan(ADMIN, sheets);
    expect(result.errors).toEqual([]);
    expect(result.retired.map((r) => r.id)).toEqual(['major-b-trade']);
  });

  it('asks for two imports past 99 writes', async () => {
    const sheets = await exported(ADMIN);
    for (let i = 0; i < 100; i++) {
      append(sheets, '专业', {
        学校编号: A,
        专业名称: `测试专业${i}`,
        层次: '中职',
        状态: '在招',
        信息来源: '测试',
        专业方向: '教育',
      });
    }
    const { result } = await plan(ADMIN, sheets);
    expect(result.added).toHaveLength(100);
    expect(result.errors).toEqual([
      { sheet: '', cell: '', message: expect.stringContaining('一次最多 99 条。请分两次导入') },
    ]);
    await expect(importCatalog(deps, ADMIN, async () => sheets, { dryRun: false })).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
    });
    expect((await deps.catalog.snapshot()).majors).toHaveLength(3);
  });
});

describe('the file', () => {
  it.each([
    ['junk bytes', Buffer.from('this is not a spreadsheet')],
    ['an empty zip', Buffer.from('504b0506000000000000000000000000000000000000', 'hex')],
  ])('refuses %s as not a workbook', async (_label, bytes) => {
    const error = await readCatalogWorkbook(bytes).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'IMPORT_INVALID',
      details: {
        errors: [{ sheet: '', cell: '', message: expect.stringMatching(/^这不是 Excel（\.xlsx）表格/) }],
      },
    });
  });

  it('refuses a workbook without any of the catalog sheets', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    const sheets = await readCatalogWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
    const { result } = await plan(ADMIN, sheets);
    expect(result.errors).toEqual([
      { sheet: '', cell: '', message: expect.stringContaining('没有“学校”“专业”“证书”工作表') },
    ]);
  });

  it('reads what Excel makes of typed cells: numbers, links, rich text and formulas as their text', async () => {
    const { rows } = await exportCatalog(deps, ADMIN);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeCatalogWorkbook(rows)) as never);
    const schools = book.getWorksheet('学校') as ExcelJS.Worksheet;
    schools.getCell('K2').value = {
      text: 'https://www.example.edu.cn',
      hyperlink: 'https://www.example.edu.cn',
    };
    schools.getCell('M2').value = {
      richText: [{ text: '以' }, { text: '护理', font: { bold: true } }, { text: '见长' }],
    };
    schools.getCell('I2').value = { formula: '43.5+0.02', result: 43.52 };
    const sheets = await readCatalogWorkbook(Buffer.from(await book.xlsx.writeBuffer()));
    expect(sheets['学校']?.[1]?.slice(8, 13)).toEqual([
      '43.52',
      '123.5',
      'https://www.example.edu.cn',
      '',
      '以护理见长',
    ]);
    const { result } = await plan(ADMIN, sheets);
    expect(result.errors).toEqual([]);
    expect(result.changed).toEqual([
      expect.objectContaining({
        id: A,
        fields: {
          website: { from: null, to: 'https://www.example.edu.cn' },
          intro: { from: null, to: '以护理见长' },
        },
      }),
    ]);
  });
});
