import ExcelJS from 'exceljs';
import { XLSX_CONTENT_TYPE } from '../../shared/schemas/catalog-editing';
import { useFreshTable } from '../support/table';
import { handlerApi } from '../support/api';
import { people } from '../support/people';

/**
 * The catalog as an Excel workbook over HTTP against DynamoDB Local: export, edit with exceljs as Excel would,
 * preview (dryRun), import, and the public pages showing it. The schools and majors edited here are made by
 * the test, so the seed's catalog may change; the seed's rows still travel through every export and import and
 * must come back unchanged. Every answer is also checked against docs/openapi.yaml.
 */
let table: Awaited<ReturnType<typeof useFreshTable>>;
const api = handlerApi();
const { login, join } = people(api);

const ADMIN = { user: 'admin' };
let principalX: { user: string };
let teacherX: { user: string };
let X = '';
let Y = '';

async function school(name: string, county: string): Promise<string> {
  const res = await api.call('POST', '/staff/schools', {
    ...ADMIN,
    body: { name, shortName: name.slice(0, 4), kind: '中职学校', county, source: '测试用学校' },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

let made = 0;
async function major(schoolId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api.call('POST', '/staff/majors', {
    ...ADMIN,
    body: {
      schoolId,
      name: `表格测试专业${++made}`,
      level: '中职',
      field: '现代农业',
      years: 2,
      status: 'enrolling',
      careers: ['农技员'],
      intake: [{ year: 2026, places: 40 }],
      source: '《四平市职业教育现代化发展规划》三（二）4',
      ...extra,
    },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  table = await useFreshTable();
  const { seed } = await import('../../scripts/seed');
  await seed();
  await login('admin');
  X = await school('四平表格测试职业学校', '铁西区');
  Y = await school('梨树表格测试职教中心', '梨树县');
  principalX = await join(ADMIN, 'excel-principal-x', X, 'school-admin');
  teacherX = await join(principalX, 'excel-teacher-x', X, 'teacher');
});

afterAll(async () => {
  await table.drop();
});

/** GET /staff/catalog.xlsx as someone, opened with exceljs. */
async function exportBook(as: { user: string }): Promise<ExcelJS.Workbook> {
  const res = await api.call('GET', '/staff/catalog.xlsx', as);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
  expect(Buffer.isBuffer(res.body)).toBe(true);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body);
  return book;
}

const save = async (book: ExcelJS.Workbook) => Buffer.from(await book.xlsx.writeBuffer());

function sheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The row of an item by its 编号 (column A). */
function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === id) return ws.getRow(r);
  throw new Error(`${id} is not on ${ws.name}`);
}

/** The cell of a row under a header. */
function cellOf(ws: ExcelJS.Worksheet, row: ExcelJS.Row, header: string): ExcelJS.Cell {
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  const at = headers.indexOf(header);
  if (at < 0) throw new Error(`no column ${header} on ${ws.name}`);
  return row.getCell(at + 1);
}

/** Every sheet's cells as text, to compare two exports. */
function cells(book: ExcelJS.Workbook): Record<string, string[][]> {
  return Object.fromEntries(
    book.worksheets.map((ws) => {
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return [ws.name, rows];
    }),
  );
}

const importBook = (as: { user: string }, file: Buffer, dryRun?: boolean) =>
  api.call('POST', '/staff/catalog/import', {
    ...as,
    file,
    ...(dryRun === undefined ? {} : { query: { dryRun: String(dryRun) } }),
  });

describe('the catalog workbook', () => {
  it('round-trips: export, change 学制 and 状态, preview, import, and the public page shows it', async () => {
    const id = await major(X);
    const book = await exportBook(ADMIN);
    const res = await api.call('GET', '/staff/catalog.xlsx', ADMIN);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('四平职教通-专业目录-')}`,
    );
    const majors = sheet(book, '专业');
    const row = rowOf(majors, id);
    expect(cellOf(majors, row, '学制（年）').value).toBe(2);
    cellOf(majors, row, '学制（年）').value = 3;
    cellOf(majors, row, '状态').value = '拟开设';
    const file = await save(book);

    const preview = await importBook(ADMIN, file, true);
    expect(preview.status).toBe(200);
    // The whole seeded catalog went through too: only the two cells typed into change anything.
    expect(preview.body).toEqual({
      dryRun: true,
      applied: false,
      added: [],
      changed: [
        {
          sheet: '专业',
          row: row.number,
          id,
          name: expect.any(String),
          fields: { years: { from: 2, to: 3 }, status: { from: 'enrolling', to: 'planned' } },
        },
      ],
      retired: [],
      errors: [],
    });
    // Nothing written: the public list (not yet read for this page) still has it as it was.
    const list = await api.call('GET', '/majors', { query: { schoolId: X, limit: '100' } });
    expect(list.body.items.find((m: { id: string }) => m.id === id)).toMatchObject({
      years: 2,
      status: 'enrolling',
    });

    const done = await importBook(ADMIN, file);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ dryRun: false, applied: true, errors: [] });
    expect(done.body.changed).toEqual(preview.body.changed);

    const page = await api.call('GET', `/majors/${id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ id, years: 3, status: 'planned', version: 2 });

    const audit = await api.call('GET', '/staff/audit', { ...ADMIN, query: { limit: '10' } });
    expect(
      (audit.body.items as Array<{ action: string; target: string }>).find(
        (e) => e.action === 'import-catalog' && JSON.stringify(e).includes(id),
      ),
    ).toMatchObject({
      actor: 'admin',
      target: 'catalog',
      before: { [`major:${id}`]: { years: 2, status: 'enrolling' } },
      after: { [`major:${id}`]: { years: 3, status: 'planned' } },
    });
  });

  it('refuses a workbook with a cell to fix, naming the cell, and changes nothing', async () => {
    const id = await major(X);
    const book = await exportBook(ADMIN);
    const before = cells(book);
    const majors = sheet(book, '专业');
    const row = rowOf(majors, id);
    cellOf(majors, row, '状态').value = '招生中';
    cellOf(majors, row, '学制（年）').value = '三年';

    const preview = await importBook(ADMIN, await save(book), true);
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([
      { sheet: '专业', cell: `E${row.number}`, message: expect.stringContaining('学制应填年数') },
      { sheet: '专业', cell: `F${row.number}`, message: '状态应为 在招、拟开设 或 停招' },
    ]);

    const refused = await importBook(ADMIN, await save(book), false);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'IMPORT_INVALID', errors: preview.body.errors });

    expect(cells(await exportBook(ADMIN))).toEqual(before);
  });

  it("gives a school admin only their school's rows, and refuses another school's row on that row", async () => {
    const mine = await major(X, { certificateIds: [] });
    const theirs = await major(Y);
    const book = await exportBook(principalX);
    const schools = sheet(book, '学校');
    expect(schools.rowCount).toBe(2);
    expect(schools.getRow(2).getCell(1).value).toBe(X);
    const majors = sheet(book, '专业');
    const schoolIds = new Set<unknown>();
    for (let r = 2; r <= majors.rowCount; r++) schoolIds.add(majors.getRow(r).getCell(2).value);
    expect([...schoolIds]).toEqual([X]);
    expect(rowOf(majors, mine).number).toBeGreaterThan(1);
    expect(sheet(book, '证书').rowCount).toBe(1);

    // Paste the other school's major (as the bureau's export has it) at the end.
    const admins = await exportBook(ADMIN);
    const adminMajors = sheet(admins, '专业');
    const pasted = majors.addRow((rowOf(adminMajors, theirs).values as unknown[]).slice(1));
    const res = await importBook(principalX, await save(book), false);
    expect(res.status).toBe(422);
    expect(res.body.error.errors).toEqual([
      {
        sheet: '专业',
        cell: `B${pasted.number}`,
        message: `第 ${pasted.number} 行是其他学校的专业，您只能导入本校的专业`,
      },
    ]);
  });

  it('adds a school admin’s new row, and answers its id once written', async () => {
    const book = await exportBook(principalX);
    const majors = sheet(book, '专业');
    const headers = (majors.getRow(1).values as unknown[]).slice(1) as string[];
    const values: Record<string, string | number> = {
      学校编号: X,
      专业名称: '表格新增专业',
      层次: '中职',
      '学制（年）': 3,
      状态: '拟开设',
      信息来源: '学校 2026 年招生简章',
      专业方向: '现代农业',
      招生计划: '2026:30；2027:45',
    };
    majors.addRow(headers.map((h) => values[h] ?? null));
    const file = await save(book);

    const preview = await importBook(principalX, file, true);
    expect(preview.body.added).toEqual([expect.objectContaining({ name: '表格新增专业', id: null })]);
    const done = await importBook(principalX, file);
    expect(done.status).toBe(200);
    const id = done.body.added[0].id as string;
    const page = await api.call('GET', `/majors/${id}`);
    expect(page.body).toMatchObject({
      schoolId: X,
      status: 'planned',
      intake: [
        { year: 2026, places: 30 },
        { year: 2027, places: 45 },
      ],
    });
  });

  it('does not set back an edit made since the export, nor delete a major added since', async () => {
    const id = await major(X);
    const book = await exportBook(principalX);
    const majors = sheet(book, '专业');
    const row = rowOf(majors, id);
    cellOf(majors, row, '学费').value = '每年 2800 元';
    // Meanwhile the bureau edits the same major in the form, and adds another at the school.
    const patched = await api.call('PATCH', `/staff/majors/${id}`, { ...ADMIN, body: { years: 4 } });
    expect(patched.status).toBe(200);
    const later = await major(X);

    const res = await importBook(principalX, await save(book), false);
    expect(res.status).toBe(422);
    expect(res.body.error.errors).toEqual([
      {
        sheet: '专业',
        cell: `A${row.number}`,
        message: expect.stringContaining('在您导出表格之后又被修改过'),
      },
    ]);
    const preview = await importBook(principalX, await save(book), true);
    expect(preview.body.retired).toEqual([]);
    expect(rowOf(sheet(await exportBook(principalX), '专业'), later).number).toBeGreaterThan(1);
  });

  it('is for school admins and the bureau: a teacher gets 403, no token 401', async () => {
    const file = await save(await exportBook(principalX));
    expect((await api.call('GET', '/staff/catalog.xlsx', teacherX)).status).toBe(403);
    expect((await importBook(teacherX, file, true)).status).toBe(403);
    expect((await api.call('GET', '/staff/catalog.xlsx')).status).toBe(401);
    expect((await api.call('POST', '/staff/catalog/import', { file })).status).toBe(401);
  });

  it('takes only a workbook: another content type is 415, other bytes 422, a bad dryRun 400', async () => {
    const file = await save(await exportBook(principalX));
    const json = await api.call('POST', '/staff/catalog/import', {
      ...principalX,
      file,
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const junk = await importBook(principalX, Buffer.from('姓名,电话\n张三,13900000000\n'), true);
    expect(junk.status).toBe(422);
    expect(junk.body.error).toMatchObject({
      code: 'IMPORT_INVALID',
      errors: [{ sheet: '', cell: '', message: expect.stringMatching(/^这不是 Excel（\.xlsx）表格/) }],
    });

    const maybe = await api.call('POST', '/staff/catalog/import', {
      ...principalX,
      file,
      query: { dryRun: 'maybe' },
    });
    expect(maybe.status).toBe(400);
    expect(maybe.body.error.code).toBe('INVALID_QUERY');
  });
});
