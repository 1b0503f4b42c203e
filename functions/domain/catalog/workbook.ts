import * as v from 'valibot';
import type { CatalogImportResult } from '../../../shared/api';
import { COUNTIES } from '../../../shared/schemas/common';
import {
  LEVELS,
  MAJOR_GROUPS,
  MAJOR_STATUS_LABELS,
  SCHOOL_KINDS,
  SCHOOL_STATUS_LABELS,
  type Certificate,
  type Major,
  type MajorRecord,
  type School,
} from '../../../shared/schemas/catalog';
import {
  CertificateCreateInputSchema,
  CertificatePatchInputSchema,
  MajorCreateInputSchema,
  MajorPatchInputSchema,
  SchoolCreateInputSchema,
  SchoolPatchInputSchema,
  type CertificatePatchInput,
  type MajorPatchInput,
  type SchoolPatchInput,
} from '../../../shared/schemas/catalog-editing';
import { inZone } from '../../../shared/time';
import { administersSchool, isAdmin, schoolOfRole, type Caller } from '../access';
import { auditEntry } from '../audit/audit';
import type { Clock } from '../clock';
import { DomainError } from '../errors';
import {
  majorView,
  newCatalogId,
  proposeCertificate,
  proposeMajor,
  proposeRetire,
  proposeSchool,
  type FieldChange,
  type Proposal,
} from './editing';
import {
  MAX_CATALOG_WRITES,
  type CatalogKind,
  type CatalogSnapshot,
  type CatalogStore,
  type CatalogWrite,
} from './ports';

/**
 * The catalog as an Excel workbook, as data: the sheets 学校, 专业 and 证书, what each column holds, and what an
 * edited workbook would change. Reading and writing the .xlsx file itself is functions/lib/xlsx.ts's; here a
 * workbook is only its cells' text. Every change goes through the same proposeX rules as the forms
 * (editing.ts), so a workbook can do nothing a form could not.
 */

/** A cell as exported: text, a number (学制, 纬度, 经度), or empty. */
export type CellValue = string | number | null;

/** A sheet as read back: rows from row 1 (the header), each row's cells from column A, as plain text. */
export type SheetCells = string[][];

/** Every sheet of an uploaded workbook, by its name. */
export type WorkbookSheets = Record<string, SheetCells>;

/** How the file lays a column out (lib/xlsx.ts): its width, text format, and a dropdown of its choices. */
export interface ColumnLayout {
  header: string;
  width: number;
  /** Kept as text (a code or a phone number keeps its leading zeros). */
  text?: boolean;
  /** Offered as a dropdown. */
  choices?: readonly string[];
}

export interface SheetRows {
  name: string;
  columns: ColumnLayout[];
  rows: CellValue[][];
  /** Kept out of sight (Excel's "very hidden": not even in the unhide list). */
  hidden?: boolean;
}

/** The workbook to write: the three catalog sheets, then 说明. */
export interface CatalogRows {
  sheets: SheetRows[];
}

export const SHEET_NAMES = { school: '学校', major: '专业', certificate: '证书' } as const;
export const GUIDE_SHEET = '说明';

/**
 * A very hidden sheet of each exported row's version (表, 编号, 版本). An import checks a row against it: a row
 * edited by someone else since the export would otherwise be set back to the file's older cells, and an item
 * added since would count as deleted. A workbook without it (rows copied into a new file) is checked against
 * the catalog as it is, as if just exported.
 */
export const VERSIONS_SHEET = '_版本';
const VERSIONS_HEADER = ['表', '编号', '版本'];

/** Items of a list in one cell are written with 、; reading also takes ， , ; ； and line breaks. */
export const LIST_JOINER = '、';
const LIST_SEPARATORS = /[、，,;；\n]+/;

/** An import lists at most this many cells to fix: enough to work through, small enough to answer. */
const MAX_ERRORS = 200;

// ---- Columns ----

type Read = { ok: true; value: unknown } | { ok: false; message: string };
const value = (x: unknown): Read => ({ ok: true, value: x });
const refuse = (message: string): Read => ({ ok: false, message });

/** Finds items by 编号 or by exact name while an import is planned (the catalog as the rows before left it). */
interface Refs {
  school(text: string): string | undefined;
  certificate(text: string): string | undefined;
}

/** Names of the items a cell refers to, for the export. */
interface Names {
  school: Map<string, string>;
  certificate: Map<string, string>;
}

interface Column<T> extends ColumnLayout {
  /** The API field (as PATCH names it) the column edits; 编号 has none. 纬度 and 经度 are both `location`. */
  field?: string;
  part?: 'lat' | 'lng';
  /** The cell as exported. */
  cell(item: T, names: Names): CellValue;
  /** The field's value from the cell's text, or what to type instead. */
  read?(text: string, refs: Refs): Read;
}

const normalize = (text: string) => text.replace(/\r\n?/g, '\n').trim();
const splitList = (text: string) =>
  text
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
const joinList = (items: readonly string[]) => items.join(LIST_JOINER);

const codeOf = <C extends string>(labels: Record<C, string>, text: string): C | undefined =>
  (Object.keys(labels) as C[]).find((code) => labels[code] === text);

const asText = (text: string) => value(text);
/** A field whose empty value is null, not '' (its schema refuses ''). */
const asOptional = (text: string) => value(text === '' ? null : text);
const asList = (text: string) => value(splitList(text));
/** A label (在招) read as its code (enrolling); anything else goes on for the schema to name what to type. */
const asLabel =
  <C extends string>(labels: Record<C, string>) =>
  (text: string) =>
    value(codeOf(labels, text) ?? text);

function asYesNo(text: string): Read {
  if (['是', 'TRUE', 'true'].includes(text)) return value(true);
  if (['否', 'FALSE', 'false'].includes(text)) return value(false);
  return refuse('是否在职教园区应填 是 或 否');
}

function asYears(text: string): Read {
  if (text === '') return value(null);
  const match = /^(\d+(?:\.\d+)?)\s*年?$/.exec(text);
  return match ? value(Number(match[1])) : refuse('学制应填年数（数字），如 3；不清楚请留空');
}

const asCoordinate = (label: string, example: string) => (text: string) => {
  if (text === '') return value(null);
  const n = Number(text);
  return /^-?\d+(\.\d+)?$/.test(text) && Number.isFinite(n)
    ? value(n)
    : refuse(`${label}应填数字，如 ${example}；不知道位置就和另一格一起留空`);
};

function asCounty(text: string): Read {
  if (text === '') return value(null);
  return (COUNTIES as readonly string[]).includes(text)
    ? value(text)
    : refuse(`区县应为 ${COUNTIES.join('、')} 之一；市直学校留空`);
}

const INTAKE_EXAMPLE = '招生计划应写成“年份:人数”，几年之间用 ； 隔开，如 2026:120；2027:150';

function asIntake(text: string): Read {
  const rows: Array<{ year: number; places: number }> = [];
  for (const entry of splitList(text)) {
    const match = /^(\d{4})\s*年?\s*[:：]\s*(\d+)\s*人?$/.exec(entry);
    if (!match) return refuse(`“${entry}”看不懂。${INTAKE_EXAMPLE}`);
    rows.push({ year: Number(match[1]), places: Number(match[2]) });
  }
  return value(rows);
}

function asSchoolRef(text: string, refs: Refs): Read {
  if (text === '') return refuse('请填写学校编号（“学校”表第一列的编号）');
  const id = refs.school(text);
  return id ? value(id) : refuse(`没有编号为“${text}”的学校，请填写“学校”表第一列的编号`);
}

const asRefs = (kind: 'school' | 'certificate') => (text: string, refs: Refs) => {
  const ids: string[] = [];
  for (const item of splitList(text)) {
    const id = refs[kind](item);
    if (!id) {
      return refuse(
        kind === 'school'
          ? `没有“${item}”这所学校，请填写“学校”表里的学校名称或编号，几所之间用 、 隔开`
          : `没有“${item}”这个证书，请填写“证书”表里的证书名称或编号，几个之间用 、 隔开`,
      );
    }
    ids.push(id);
  }
  return value(ids);
};

const namesOf = (ids: readonly string[], names: Map<string, string>) =>
  joinList(ids.flatMap((id) => names.get(id) ?? []));

const choices = (labels: Record<string, string>) => Object.values(labels);

const SCHOOL_COLUMNS: Array<Column<School>> = [
  { header: '编号', width: 24, cell: (s) => s.id },
  { header: '学校名称', field: 'name', width: 28, cell: (s) => s.name, read: asText },
  { header: '简称', field: 'shortName', width: 12, cell: (s) => s.shortName, read: asText },
  { header: '类型', field: 'kind', width: 12, choices: SCHOOL_KINDS, cell: (s) => s.kind, read: asText },
  { header: '区县', field: 'county', width: 16, choices: COUNTIES, cell: (s) => s.county, read: asCounty },
  {
    header: '状态',
    field: 'status',
    width: 10,
    choices: choices(SCHOOL_STATUS_LABELS),
    cell: (s) => SCHOOL_STATUS_LABELS[s.status],
    read: asLabel(SCHOOL_STATUS_LABELS),
  },
  { header: '电话', field: 'phone', width: 16, text: true, cell: (s) => s.phone, read: asText },
  { header: '地址', field: 'address', width: 30, cell: (s) => s.address, read: asText },
  {
    header: '纬度',
    field: 'location',
    part: 'lat',
    width: 11,
    cell: (s) => s.location?.lat ?? null,
    read: asCoordinate('纬度', '43.1667'),
  },
  {
    header: '经度',
    field: 'location',
    part: 'lng',
    width: 11,
    cell: (s) => s.location?.lng ?? null,
    read: asCoordinate('经度', '124.3502'),
  },
  { header: '网址', field: 'website', width: 30, cell: (s) => s.website, read: asText },
  {
    header: '招生咨询',
    field: 'admissionsContact',
    width: 20,
    cell: (s) => s.admissionsContact,
    read: asText,
  },
  { header: '简介', field: 'intro', width: 40, cell: (s) => s.intro, read: asText },
  { header: '信息来源', field: 'source', width: 30, cell: (s) => s.source, read: asText },
  // Appended after the profile: the bureau's fields, so the round trip keeps them.
  { header: '办学层次', field: 'levels', width: 18, cell: (s) => joinList(s.levels), read: asList },
  { header: '办学方向', field: 'direction', width: 30, cell: (s) => s.direction, read: asText },
  {
    header: '在职教园区',
    field: 'inPark',
    width: 10,
    choices: ['是', '否'],
    cell: (s) => (s.inPark ? '是' : '否'),
    read: asYesNo,
  },
];

const MAJOR_COLUMNS: Array<Column<Major>> = [
  { header: '编号', width: 22, cell: (m) => m.id },
  { header: '学校编号', field: 'schoolId', width: 22, cell: (m) => m.schoolId, read: asSchoolRef },
  { header: '专业名称', field: 'name', width: 22, cell: (m) => m.name, read: asText },
  { header: '层次', field: 'level', width: 10, choices: LEVELS, cell: (m) => m.level, read: asText },
  { header: '学制（年）', field: 'years', width: 9, cell: (m) => m.years, read: asYears },
  {
    header: '状态',
    field: 'status',
    width: 9,
    choices: choices(MAJOR_STATUS_LABELS),
    cell: (m) => MAJOR_STATUS_LABELS[m.status],
    read: asLabel(MAJOR_STATUS_LABELS),
  },
  { header: '专业代码', field: 'code', width: 10, text: true, cell: (m) => m.code, read: asOptional },
  { header: '简介', field: 'summary', width: 40, cell: (m) => m.summary, read: asText },
  { header: '就业方向', field: 'careers', width: 30, cell: (m) => joinList(m.careers), read: asList },
  { header: '合作企业', field: 'partners', width: 30, cell: (m) => joinList(m.partners), read: asList },
  {
    header: '可考证书',
    field: 'certificateIds',
    width: 24,
    cell: (m, names) => namesOf(m.certificateIds, names.certificate),
    read: asRefs('certificate'),
  },
  { header: '信息来源', field: 'source', width: 30, cell: (m) => m.source, read: asText },
  // Appended: the other editable fields, so the round trip loses nothing.
  {
    header: '专业方向',
    field: 'field',
    width: 12,
    choices: MAJOR_GROUPS,
    cell: (m) => m.field,
    read: asText,
  },
  {
    header: '招生计划',
    field: 'intake',
    width: 22,
    cell: (m) => m.intake.map((r) => `${r.year}:${r.places}`).join('；'),
    read: asIntake,
  },
  { header: '学费', field: 'tuition', width: 18, cell: (m) => m.tuition, read: asText },
  { header: '资助', field: 'aid', width: 24, cell: (m) => m.aid, read: asText },
  {
    header: '专业目录版本',
    field: 'catalogueVersion',
    width: 12,
    text: true,
    cell: (m) => m.catalogueVersion,
    read: asOptional,
  },
];

const CERTIFICATE_COLUMNS: Array<Column<Certificate>> = [
  { header: '编号', width: 26, cell: (c) => c.id },
  { header: '证书名称', field: 'name', width: 24, cell: (c) => c.name, read: asText },
  { header: '培训评价组织', field: 'issuer', width: 30, cell: (c) => c.issuer, read: asText },
  { header: '等级', field: 'levels', width: 16, cell: (c) => joinList(c.levels), read: asList },
  { header: '简介', field: 'summary', width: 40, cell: (c) => c.summary, read: asText },
  {
    header: '试点院校',
    field: 'schoolIds',
    width: 30,
    cell: (c, names) => namesOf(c.schoolIds, names.school),
    read: asRefs('school'),
  },
  { header: '信息来源', field: 'source', width: 30, cell: (c) => c.source, read: asText },
];

/** The header cells each sheet must start with, in this order. */
export const SHEET_HEADERS = {
  [SHEET_NAMES.school]: SCHOOL_COLUMNS.map((c) => c.header),
  [SHEET_NAMES.major]: MAJOR_COLUMNS.map((c) => c.header),
  [SHEET_NAMES.certificate]: CERTIFICATE_COLUMNS.map((c) => c.header),
};

const GUIDE: string[] = [
  '怎样用这个表格修改专业目录',
  '1. 直接修改“学校”“专业”“证书”工作表里的单元格，保存为 .xlsx，再在管理端选择“导入 Excel”。先预览：会列出每一行将新增、修改或停用什么，确认无误再正式导入。',
  '2. 新增一行：在表末尾添加，编号留空（导入后自动生成）。',
  '3. 停用一行：删掉整行。停用的学校、专业、证书不再出现在列表里，已分享的页面仍能打开。',
  '4. 只想改一个工作表时，可以把其他工作表整个删掉，它们就不会有任何变化。',
  '5. 不要改动第一行的列名和各行的编号；每个编号只能出现一次。',
  '6. 一格里有多项时用 、 隔开，如 就业方向：护士、护理员。',
  '7. 专业状态填 在招、拟开设 或 停招；层次填 中职、高职专科 或 职业本科；学制填数字，如 3。',
  '8. 招生计划写成“年份:人数”，几年之间用 ； 隔开，如 2026:120；2027:150。',
  '9. 可考证书、试点院校填“证书”“学校”表里的名称或编号。',
  '10. 信息来源填规划的章节或公开网址，每一项修改都要有来源。',
  `11. 一次导入最多新增、修改、停用 ${MAX_CATALOG_WRITES} 条；更多时请分两次导入。`,
  '12. 学校管理员只能修改本校的电话、地址、位置、网址、招生咨询、简介和本校的专业；学校名称、类型等和证书由教育局维护。',
  '13. 表格记下了导出时每一行的版本。如果导出之后别人又改了同一行，导入时会请您重新导出，以免覆盖别人的修改。',
];

// ---- Who sees what ----

/** Exporting and importing the catalog is for school admins and the bureau; a teacher asks their school admin. */
export function requireCatalogEditor(caller: Caller): void {
  const schoolAdmin = caller.roles.some((r) => schoolOfRole(r)?.role === 'school-admin');
  if (!isAdmin(caller) && !schoolAdmin) {
    throw new DomainError('FORBIDDEN', {
      message: '只有学校管理员和教育局可以导出、导入专业目录；请联系本校的学校管理员',
    });
  }
}

/**
 * The rows a caller's workbook holds: every listed item for the bureau; for a school admin their school(s),
 * their majors, and the certificates their school trains for or their majors lead to. An import's sheet lists
 * exactly these, so a row of them that is missing is one to retire.
 */
function scopeOf(caller: Caller, snapshot: CatalogSnapshot): CatalogSnapshot {
  const listed = <T extends { retiredAt: string | null }>(items: T[]) =>
    items.filter((i) => i.retiredAt === null);
  if (isAdmin(caller)) {
    return {
      schools: listed(snapshot.schools),
      majors: listed(snapshot.majors),
      certificates: listed(snapshot.certificates),
    };
  }
  const schools = listed(snapshot.schools).filter((s) => administersSchool(caller, s.id));
  const ids = new Set(schools.map((s) => s.id));
  const majors = listed(snapshot.majors).filter((m) => ids.has(m.schoolId));
  const listedByMajors = new Set(majors.flatMap((m) => m.certificateIds));
  const certificates = listed(snapshot.certificates).filter(
    (c) => c.schoolIds.some((id) => ids.has(id)) || listedByMajors.has(c.id),
  );
  return { schools, majors, certificates };
}

function namesIn(snapshot: CatalogSnapshot): Names {
  const of = (items: Array<{ id: string; name: string; retiredAt: string | null }>) =>
    new Map(items.filter((i) => i.retiredAt === null).map((i) => [i.id, i.name]));
  return { school: of(snapshot.schools), certificate: of(snapshot.certificates) };
}

const layout = <T>(columns: Array<Column<T>>): ColumnLayout[] =>
  columns.map(({ header, width, text, choices: options }) => ({
    header,
    width,
    ...(text ? { text } : {}),
    ...(options ? { choices: options } : {}),
  }));

/** The workbook's rows for this caller: schools, majors (by school, then name), certificates, and 说明. */
export function catalogRows(snapshot: CatalogSnapshot, caller: Caller): CatalogRows {
  const scope = scopeOf(caller, snapshot);
  const names = namesIn(snapshot);
  const rows = <T>(columns: Array<Column<T>>, items: T[]) =>
    items.map((i) => columns.map((c) => c.cell(i, names)));
  const majors = scope.majors
    .map(majorView)
    .sort((a, b) => a.schoolId.localeCompare(b.schoolId) || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    sheets: [
      {
        name: SHEET_NAMES.school,
        columns: layout(SCHOOL_COLUMNS),
        rows: rows(SCHOOL_COLUMNS, scope.schools),
      },
      { name: SHEET_NAMES.major, columns: layout(MAJOR_COLUMNS), rows: rows(MAJOR_COLUMNS, majors) },
      {
        name: SHEET_NAMES.certificate,
        columns: layout(CERTIFICATE_COLUMNS),
        rows: rows(CERTIFICATE_COLUMNS, scope.certificates),
      },
      {
        name: GUIDE_SHEET,
        columns: [{ header: GUIDE[0] ?? '', width: 110 }],
        rows: GUIDE.slice(1).map((l) => [l]),
      },
      {
        name: VERSIONS_SHEET,
        hidden: true,
        columns: VERSIONS_HEADER.map((header) => ({ header, width: 24 })),
        rows: [
          ...scope.schools.map((i) => [SHEET_NAMES.school, i.id, i.version]),
          ...majors.map((i) => [SHEET_NAMES.major, i.id, i.version]),
          ...scope.certificates.map((i) => [SHEET_NAMES.certificate, i.id, i.version]),
        ],
      },
    ],
  };
}

/** The versions the workbook was exported at, by `表:编号`; undefined when it does not say. */
function exportedVersions(cells: SheetCells | undefined): Map<string, number> | undefined {
  if (!cells || (cells[0] ?? []).slice(0, 3).join('|') !== VERSIONS_HEADER.join('|')) return undefined;
  const versions = new Map<string, number>();
  for (const [sheet = '', id = '', version = ''] of cells.slice(1)) {
    if (/^\d+$/.test(version)) versions.set(`${sheet}:${id}`, Number(version));
  }
  return versions;
}

// ---- Import ----

/** Excel's name for a cell: column 0, row 7 → A7. */
export function cellRef(column: number, row: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return `${name}${row}`;
}

type ImportItem = CatalogImportResult['added'][number];
type ChangedItem = CatalogImportResult['changed'][number];

export interface ImportPlan {
  writes: CatalogWrite[];
  result: Pick<CatalogImportResult, 'added' | 'changed' | 'retired' | 'errors'>;
  /** What each write changes, by `kind:id` (the audit entry's before and after). */
  changes: Record<string, Record<string, FieldChange>>;
}

type Item = { id: string; name: string; retiredAt: string | null; version: number };

interface SheetSpec<T extends Item, R extends Item> {
  kind: CatalogKind;
  sheet: string;
  columns: Array<Column<T>>;
  /** How many columns from A every workbook must have; the rest (appended later) may be missing. */
  required: number;
  create: v.GenericSchema;
  patch: v.GenericSchema;
  /** The create schema's fields: one that has a default is left to it when its cell is empty. */
  createEntries: Record<string, { type: string }>;
  items(snapshot: CatalogSnapshot): R[];
  view(record: R): T;
  propose(
    caller: Caller,
    snapshot: CatalogSnapshot,
    before: R | null,
    input: Record<string, unknown>,
    now: number,
    id: string,
  ): Proposal<R>;
  write(record: R, expectedVersion: number | null): CatalogWrite;
  /** Why a caller may not touch a row at all, before anything in it is read (a school admin and another school). */
  outOfReach?(caller: Caller, before: R, row: number): string | undefined;
}

const SCHOOL_SHEET: SheetSpec<School, School> = {
  kind: 'school',
  sheet: SHEET_NAMES.school,
  columns: SCHOOL_COLUMNS,
  required: 14,
  create: SchoolCreateInputSchema,
  patch: SchoolPatchInputSchema,
  createEntries: SchoolCreateInputSchema.entries,
  items: (s) => s.schools,
  view: (s) => s,
  propose: (caller, snapshot, before, input, now, id) =>
    proposeSchool(caller, snapshot, before, input as SchoolPatchInput, now, id),
  write: (record, expectedVersion) => ({ kind: 'school', record, expectedVersion }),
  outOfReach: (caller, before, row) =>
    administersSchool(caller, before.id)
      ? undefined
      : `第 ${row} 行是其他学校（${before.name}），您只能导入本校的信息，请删掉这一行`,
};

const MAJOR_SHEET: SheetSpec<Major, MajorRecord> = {
  kind: 'major',
  sheet: SHEET_NAMES.major,
  columns: MAJOR_COLUMNS,
  required: 12,
  create: MajorCreateInputSchema,
  patch: MajorPatchInputSchema,
  createEntries: MajorCreateInputSchema.entries,
  items: (s) => s.majors,
  view: majorView,
  propose: (caller, snapshot, before, input, now, id) =>
    proposeMajor(caller, snapshot, before, input as MajorPatchInput, now, id),
  write: (record, expectedVersion) => ({ kind: 'major', record, expectedVersion }),
  outOfReach: (caller, before, row) =>
    administersSchool(caller, before.schoolId)
      ? undefined
      : `第 ${row} 行是其他学校的专业，您只能导入本校的专业`,
};

const CERTIFICATE_SHEET: SheetSpec<Certificate, Certificate> = {
  kind: 'certificate',
  sheet: SHEET_NAMES.certificate,
  columns: CERTIFICATE_COLUMNS,
  required: 7,
  create: CertificateCreateInputSchema,
  patch: CertificatePatchInputSchema,
  createEntries: CertificateCreateInputSchema.entries,
  items: (s) => s.certificates,
  view: (c) => c,
  propose: (caller, snapshot, before, input, now, id) =>
    proposeCertificate(caller, snapshot, before, input as CertificatePatchInput, now, id),
  write: (record, expectedVersion) => ({ kind: 'certificate', record, expectedVersion }),
};

/** An exported cell as the text it reads back as. */
const cellText = (cell: CellValue) => (cell === null ? '' : normalize(String(cell)));

/**
 * What an edited workbook would do, checked against the catalog as it is now, all rows at once: the writes
 * (each with the version it was read at), what each row adds, changes or retires, and every cell to fix.
 * A sheet that is present lists every row in the caller's reach (so a missing one is retired); a sheet that
 * is missing changes nothing; a row whose cells are as exported writes nothing. Sheets are planned schools,
 * certificates, majors, each after the ones before, so a major may name a school or certificate added above.
 */
export function planImport(
  caller: Caller,
  snapshot: CatalogSnapshot,
  sheets: WorkbookSheets,
  now: number,
): ImportPlan {
  const plan: ImportPlan = {
    writes: [],
    result: { added: [], changed: [], retired: [], errors: [] },
    changes: {},
  };
  const scope = scopeOf(caller, snapshot);
  // The catalog as the rows planned so far leave it: what later rows are checked against.
  const working: CatalogSnapshot = {
    schools: [...snapshot.schools],
    majors: [...snapshot.majors],
    certificates: [...snapshot.certificates],
  };
  const present = (name: string) => Object.prototype.hasOwnProperty.call(sheets, name);
  if (!Object.values(SHEET_NAMES).some(present)) {
    plan.result.errors.push({
      sheet: '',
      cell: '',
      message: '表格里没有“学校”“专业”“证书”工作表，请使用“导出 Excel”得到的表格，不要改工作表的名字',
    });
    return plan;
  }
  const context: PlanContext = {
    exported: exportedVersions(sheets[VERSIONS_SHEET]),
    caller,
    snapshot,
    scope,
    working,
    names: namesIn(snapshot),
    now,
    plan,
  };
  planSheet(SCHOOL_SHEET, sheets[SCHOOL_SHEET.sheet], context);
  planSheet(CERTIFICATE_SHEET, sheets[CERTIFICATE_SHEET.sheet], context);
  planSheet(MAJOR_SHEET, sheets[MAJOR_SHEET.sheet], context);

  if (plan.writes.length > MAX_CATALOG_WRITES) {
    plan.result.errors.push({
      sheet: '',
      cell: '',
      message:
        `这次导入要新增、修改或停用 ${plan.writes.length} 条，一次最多 ${MAX_CATALOG_WRITES} 条。请分两次导入：` +
        '先只保留一部分修改（其余行保持导出时的样子）导入，再导出一次，改好其余的再导入',
    });
  }
  const { errors } = plan.result;
  if (errors.length > MAX_ERRORS) {
    const more = errors.length - (MAX_ERRORS - 1);
    errors.splice(MAX_ERRORS - 1, errors.length, {
      sheet: '',
      cell: '',
      message: `还有 ${more} 处需要修改，请先改好上面列出的，再导入一次看看`,
    });
  }
  return plan;
}

interface PlanContext {
  caller: Caller;
  snapshot: CatalogSnapshot;
  scope: CatalogSnapshot;
  working: CatalogSnapshot;
  /** Names as exported: what an untouched cell of 可考证书 or 试点院校 reads. */
  names: Names;
  /** Each row's version when the workbook was exported, where it says. */
  exported: Map<string, number> | undefined;
  now: number;
  plan: ImportPlan;
}

function refsIn(working: CatalogSnapshot): Refs {
  const find = (items: Array<{ id: string; name: string; retiredAt: string | null }>) => (text: string) => {
    const live = items.filter((i) => i.retiredAt === null);
    return (live.find((i) => i.id === text) ?? live.find((i) => i.name === text))?.id;
  };
  return { school: find(working.schools), certificate: find(working.certificates) };
}

/** Puts a planned record into the working catalog, in place of the one it replaces. */
function putWorking(working: CatalogSnapshot, write: CatalogWrite): void {
  const list = (
    write.kind === 'school' ? working.schools : write.kind === 'major' ? working.majors : working.certificates
  ) as Item[];
  const at = list.findIndex((i) => i.id === write.record.id);
  if (at >= 0) list.splice(at, 1, write.record);
  else list.push(write.record);
}

function planSheet<T extends Item, R extends Item>(
  spec: SheetSpec<T, R>,
  cells: SheetCells | undefined,
  ctx: PlanContext,
): void {
  if (!cells) return;
  const { caller, snapshot, working, now, plan } = ctx;
  const errors = plan.result.errors;
  const issue = (cell: string, message: string) => errors.push({ sheet: spec.sheet, cell, message });

  // The header: the required columns exactly, the appended ones where present.
  const header = (cells[0] ?? []).map(normalize);
  const columnsPresent: boolean[] = [];
  for (const [i, column] of spec.columns.entries()) {
    const found = header[i] ?? '';
    if (found === column.header) columnsPresent.push(true);
    else if (i >= spec.required && found === '') columnsPresent.push(false);
    else {
      issue(
        cellRef(i, 1),
        `${spec.sheet} 表第 1 行 ${cellRef(i, 1)} 应为“${column.header}”，请使用导出的表格，不要增删或移动列`,
      );
      return;
    }
  }

  const stored = spec.items(snapshot);
  const inScope = new Set((spec.items(ctx.scope) as Item[]).map((i) => i.id));
  const seen = new Map<string, number>();
  const rows: Array<{ row: number; cells: string[]; before: R | null }> = [];
  for (let r = 1; r < cells.length; r++) {
    const row = r + 1;
    const text = spec.columns.map((_, i) => normalize(cells[r]?.[i] ?? ''));
    if (text.every((t) => t === '')) continue;
    const id = text[0] ?? '';
    if (id === '') {
      rows.push({ row, cells: text, before: null });
      continue;
    }
    const before = stored.find((i) => i.id === id);
    if (!before) {
      issue(
        cellRef(0, row),
        `编号“${id}”不在目录中。新增的${SHEET_NAMES[spec.kind]}请让编号留空；已有的行请不要改编号`,
      );
      continue;
    }
    if (before.retiredAt !== null) {
      issue(
        cellRef(0, row),
        `编号 ${id} 的${SHEET_NAMES[spec.kind]}已经停用。如要重新添加，请清空编号，作为新的一行导入`,
      );
      continue;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      issue(cellRef(0, row), `编号 ${id} 在第 ${first} 行已经有了，每个编号只能出现一次`);
      continue;
    }
    seen.set(id, row);
    const away = spec.outOfReach?.(caller, before, row);
    if (away) {
      issue(cellOf(spec, 'schoolId', undefined, row), away);
      continue;
    }
    if (movedSinceExport(ctx, spec, before)) {
      // As it is now (a row this file imported before, say): nothing to write, nothing to lose.
      if (differs(spec, text, columnsPresent, before, ctx.names)) {
        issue(
          cellRef(0, row),
          `第 ${row} 行“${before.name}”在您导出表格之后又被修改过。为免覆盖那次修改，这次没有导入：请重新导出表格，再填入您的修改`,
        );
      }
      continue;
    }
    rows.push({ row, cells: text, before });
  }

  // A row of the caller's that the sheet no longer has: retired.
  for (const item of stored) {
    if (!inScope.has(item.id) || seen.has(item.id)) continue;
    // Added since the export: the file never had it, so its absence deletes nothing.
    if (ctx.exported && !ctx.exported.has(`${spec.sheet}:${item.id}`)) continue;
    if (movedSinceExport(ctx, spec, item)) {
      issue(
        '',
        `${spec.sheet} 表里少了“${item.name}”（编号 ${item.id}），但它在您导出表格之后又被修改过。` +
          '为免误删，这次没有导入：请重新导出表格，再删去这一行',
      );
      continue;
    }
    const proposal = proposeRetire(caller, item, spec.kind, now);
    if (!proposal.ok) {
      issue(
        '',
        `${spec.sheet} 表里少了“${item.name}”（编号 ${item.id}）。${proposal.issues[0]?.message ?? ''}：请把这一行放回去；` +
          `只想改其他工作表时，可以把整个“${spec.sheet}”工作表删掉`,
      );
      continue;
    }
    accept(spec, ctx, proposal.record, item.version, proposal.changes);
    plan.result.retired.push({ sheet: spec.sheet, row: null, id: item.id, name: item.name });
  }

  const refs = refsIn(working);
  for (const { row, cells: text, before } of rows) {
    const { input, unreadable } = rowInput(spec, text, columnsPresent, before, ctx.names, refs, row, issue);
    // A row as exported writes nothing; one whose every changed cell is unreadable was reported already.
    if (before && Object.keys(input).length === 0) continue;
    const parsed = v.safeParse(before ? spec.patch : spec.create, input);
    for (const problem of parsed.issues ?? []) {
      const [field = '', part] = problem.path?.map((p) => String(p.key)) ?? [];
      // A cell that could not be read was named already; the schema only misses its value.
      if (!unreadable.has(field)) issue(cellOf(spec, field, part, row), problem.message);
    }
    if (!parsed.success || unreadable.size > 0) continue;
    const id = before?.id ?? newCatalogId(spec.kind);
    const proposal = spec.propose(caller, working, before, parsed.output as Record<string, unknown>, now, id);
    if (!proposal.ok) {
      // The editing rules' own words (the same a form shows), with the row they refuse.
      for (const p of proposal.issues) {
        issue(
          cellOf(spec, p.field, undefined, row),
          proposal.forbidden ? `第 ${row} 行：${p.message}` : p.message,
        );
      }
      continue;
    }
    // Cells that differ from the export but mean the same (护士，护理员 for 护士、护理员) change nothing.
    if (Object.keys(proposal.changes).length === 0) continue;
    accept(spec, ctx, proposal.record, before ? before.version : null, proposal.changes);
    const item = { sheet: spec.sheet, row, id, name: proposal.record.name };
    if (before) plan.result.changed.push({ ...item, fields: proposal.changes } satisfies ChangedItem);
    else plan.result.added.push(item satisfies ImportItem);
  }
}

/** The cells an item's row is exported with, as text. */
const exportedCells = <T extends Item, R extends Item>(spec: SheetSpec<T, R>, item: R, names: Names) =>
  spec.columns.map((c) => cellText(c.cell(spec.view(item), names)));

/** Whether a row's cells (of the columns present) differ from the item's as exported now. */
function differs<T extends Item, R extends Item>(
  spec: SheetSpec<T, R>,
  text: string[],
  present: boolean[],
  item: R,
  names: Names,
): boolean {
  const exported = exportedCells(spec, item, names);
  return spec.columns.some((c, i) => c.field && present[i] && (text[i] ?? '') !== exported[i]);
}

/** Whether the item changed since the workbook was exported (as far as the workbook says). */
function movedSinceExport<T extends Item, R extends Item>(ctx: PlanContext, spec: SheetSpec<T, R>, item: R) {
  const at = ctx.exported?.get(`${spec.sheet}:${item.id}`);
  return at !== undefined && at !== item.version;
}

function accept<T extends Item, R extends Item>(
  spec: SheetSpec<T, R>,
  ctx: PlanContext,
  record: R,
  expectedVersion: number | null,
  changes: Record<string, FieldChange>,
): void {
  const write = spec.write(record, expectedVersion);
  ctx.plan.writes.push(write);
  ctx.plan.changes[`${spec.kind}:${record.id}`] = changes;
  putWorking(ctx.working, write);
}

/** The cell of a field (and part, for 纬度/经度) in a row; the row's 编号 cell when no column holds it. */
function cellOf<T extends Item, R extends Item>(
  spec: SheetSpec<T, R>,
  field: string,
  part: string | undefined,
  row: number,
): string {
  const at = spec.columns.findIndex((c) => c.field === field && (!c.part || !part || c.part === part));
  return cellRef(Math.max(at, 0), row);
}

/**
 * A row's input for the create or patch schema, by API field name. For an existing row only the fields whose
 * cells differ from what the export wrote (a cell left as it was is never re-checked against today's rules);
 * for a new row every column present, an empty cell left to the schema's default where it has one. A cell
 * that cannot be read is reported here, and its field left out (`unreadable`).
 */
function rowInput<T extends Item, R extends Item>(
  spec: SheetSpec<T, R>,
  text: string[],
  present: boolean[],
  before: R | null,
  names: Names,
  refs: Refs,
  row: number,
  issue: (cell: string, message: string) => void,
): { input: Record<string, unknown>; unreadable: Set<string> } {
  const exported = before ? exportedCells(spec, before, names) : [];
  const input: Record<string, unknown> = {};
  const unreadable = new Set<string>();
  const fields = [...new Set(spec.columns.flatMap((c) => (c.field ? [c.field] : [])))];
  for (const field of fields) {
    const at = spec.columns.flatMap((c, i) => (c.field === field && present[i] ? [i] : []));
    if (at.length === 0) continue;
    const cells = at.map((i) => text[i] ?? '');
    if (before && at.every((i, k) => cells[k] === exported[i])) continue;
    if (!before && cells.every((c) => c === '') && spec.createEntries[field]?.type === 'optional') continue;
    const reads = at.map((i, k) => spec.columns[i]?.read?.(cells[k] ?? '', refs) ?? value(cells[k]));
    reads.forEach((r, k) => {
      if (r.ok) return;
      issue(cellRef(at[k] ?? 0, row), r.message);
      unreadable.add(field);
    });
    if (unreadable.has(field)) continue;
    const values = reads.map((r) => (r.ok ? r.value : null));
    if (field !== 'location') {
      input[field] = values[0];
      continue;
    }
    const [lat, lng] = values as Array<number | null>;
    if ((lat === null) !== (lng === null)) {
      issue(cellRef(at[lat === null ? 0 : 1] ?? 0, row), '纬度和经度要一起填写；不知道位置就都留空');
      unreadable.add(field);
      continue;
    }
    input.location = lat === null || lng === null ? null : { lat, lng };
  }
  return { input, unreadable };
}

// ---- Use-cases ----

export interface CatalogWorkbookDeps {
  catalog: CatalogStore;
  clock: Clock;
}

/** GET /staff/catalog.xlsx: the caller's rows, read past every cache, and the day they were taken (+08:00). */
export async function exportCatalog(
  deps: CatalogWorkbookDeps,
  caller: Caller,
): Promise<{ rows: CatalogRows; date: string }> {
  requireCatalogEditor(caller);
  const snapshot = await deps.catalog.snapshot();
  return { rows: catalogRows(snapshot, caller), date: inZone(deps.clock.now()).format('YYYY-MM-DD') };
}

/**
 * POST /staff/catalog/import: plans the workbook against the catalog as it is now. A dry run answers the plan
 * and writes nothing (a new row's id is only made when it is written, so it answers null). Otherwise any cell
 * to fix refuses the whole workbook (IMPORT_INVALID, listing the cells); else every write goes in one
 * transaction with one audit entry, and a version that moved since the snapshot is EDIT_CONFLICT.
 * `read` opens the file only once the caller may import: a teacher's upload is a 403, not a parse.
 */
export async function importCatalog(
  deps: CatalogWorkbookDeps,
  caller: Caller,
  read: () => Promise<WorkbookSheets>,
  options: { dryRun: boolean },
): Promise<CatalogImportResult> {
  requireCatalogEditor(caller);
  const sheets = await read();
  const snapshot = await deps.catalog.snapshot();
  const now = deps.clock.now();
  const { writes, result, changes } = planImport(caller, snapshot, sheets, now);
  if (options.dryRun) {
    return {
      dryRun: true,
      applied: false,
      ...result,
      added: result.added.map((a) => ({ ...a, id: null })),
    };
  }
  if (result.errors.length > 0) {
    throw new DomainError('IMPORT_INVALID', { details: { errors: result.errors } });
  }
  if (writes.length > 0) {
    const side = (end: 'from' | 'to') =>
      Object.fromEntries(
        Object.entries(changes).map(([target, fields]) => [
          target,
          Object.fromEntries(Object.entries(fields).map(([k, c]) => [k, c[end]])),
        ]),
      );
    await deps.catalog.apply(
      writes,
      auditEntry(caller, 'import-catalog', 'catalog', side('from'), side('to'), now),
    );
  }
  return { dryRun: false, applied: true, ...result };
}
