import { randomBytes } from 'node:crypto';
import type { FieldIssue } from '../../../shared/errors';
import { type Certificate, type Major, type MajorRecord, type School } from '../../../shared/schemas/catalog';
import {
  SCHOOL_PROFILE_FIELDS,
  type CertificateCreateInput,
  type CertificatePatchInput,
  type MajorCreateInput,
  type MajorPatchInput,
  type SchoolCreateInput,
  type SchoolPatchInput,
} from '../../../shared/schemas/catalog-editing';
import { toIso } from '../../../shared/time';
import { administersSchool, isAdmin, type Caller } from '../access';
import { auditEntry } from '../audit/audit';
import type { Clock } from '../clock';
import { DomainError, validationFailed } from '../errors';
import type { CatalogSnapshot, CatalogStore, CatalogWrite } from './ports';

/**
 * Editing the catalog: the bureau keeps schools and certificates; a school's admin keeps the school's profile
 * and its majors. Every rule of an edit lives here once, and both the forms (PATCH/POST) and the Excel import
 * go through it, so a workbook can do nothing a form could not.
 */

export interface CatalogEditDeps {
  catalog: CatalogStore;
  clock: Clock;
}

/** One field's change, by the name the API and the workbook use. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** What one proposed edit would do, or why it may not. */
export type Proposal<T> =
  | { ok: true; record: T; changes: Record<string, FieldChange> }
  | { ok: false; forbidden: boolean; issues: FieldIssue[] };

const SCHOOL_ADMIN_FIELDS_MESSAGE =
  '学校名称、类型、区县、层次和信息来源由教育局维护；学校管理员可以修改电话、地址、位置、网址、招生咨询和简介';

/** The public view of a major: both spellings of the renamed fields (see MajorViewSchema). */
export function majorView(record: MajorRecord): Major {
  return { ...record, field: record.group, partners: record.partnerCompanies };
}

export function newCatalogId(kind: 'school' | 'major' | 'certificate'): string {
  return `${kind}-${randomBytes(4).toString('hex')}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields `input` sets to something other than what `before` holds, by the input's names. */
function diff(
  before: Record<string, unknown> | null,
  input: Record<string, unknown>,
  stored: (k: string) => string,
) {
  const changes: Record<string, FieldChange> = {};
  for (const [k, to] of Object.entries(input)) {
    if (to === undefined) continue;
    const from = before ? before[stored(k)] : null;
    if (!same(from, to)) changes[k] = { from: from ?? null, to };
  }
  return changes;
}

const edited = <T extends { version: number }>(record: T, now: number): T => ({
  ...record,
  version: record.version + 1,
  updatedAt: toIso(now),
});

const forbidden = (message: string, field = ''): Proposal<never> => ({
  ok: false,
  forbidden: true,
  issues: [{ field, message }],
});

export function proposeSchool(
  caller: Caller,
  snapshot: CatalogSnapshot,
  before: School | null,
  input: SchoolCreateInput | SchoolPatchInput,
  now: number,
  id: string = newCatalogId('school'),
): Proposal<School> {
  if (before === null && !isAdmin(caller)) return forbidden('新增学校由教育局操作');
  if (before !== null && !administersSchool(caller, before.id)) {
    return forbidden('只有本校的学校管理员或教育局可以修改学校信息');
  }
  const changes = diff(before, input, (k) => k);
  if (!isAdmin(caller)) {
    const outside = Object.keys(changes).filter(
      (k) => !(SCHOOL_PROFILE_FIELDS as readonly string[]).includes(k),
    );
    if (outside.length > 0) return forbidden(SCHOOL_ADMIN_FIELDS_MESSAGE, outside[0]);
  }
  const issues: FieldIssue[] = [];
  const name = input.name ?? before?.name;
  if (snapshot.schools.some((s) => s.id !== before?.id && s.retiredAt === null && s.name === name)) {
    issues.push({ field: 'name', message: `已经有一所“${name}”了，请核对是否重复` });
  }
  if (issues.length > 0) return { ok: false, forbidden: false, issues };
  const set = Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined));
  const base: School =
    before ??
    ({ id, retiredAt: null, version: 0, updatedAt: null, ...(input as SchoolCreateInput) } as School);
  return { ok: true, record: edited({ ...base, ...set } as School, now), changes };
}

/** API names → stored names, where the editing contract renamed a field. */
const MAJOR_STORED: Record<string, string> = { field: 'group', partners: 'partnerCompanies' };
const majorStored = (k: string) => MAJOR_STORED[k] ?? k;

export function proposeMajor(
  caller: Caller,
  snapshot: CatalogSnapshot,
  before: MajorRecord | null,
  input: MajorCreateInput | MajorPatchInput,
  now: number,
  id: string = newCatalogId('major'),
): Proposal<MajorRecord> {
  const schoolId = input.schoolId ?? before?.schoolId ?? '';
  if (before !== null && !administersSchool(caller, before.schoolId)) {
    return forbidden('只有本校的学校管理员或教育局可以修改这个专业', 'schoolId');
  }
  if (!administersSchool(caller, schoolId)) {
    return forbidden('只能为本校添加专业；其他学校的专业请联系该校的学校管理员', 'schoolId');
  }
  const issues: FieldIssue[] = [];
  const school = snapshot.schools.find((s) => s.id === schoolId && s.retiredAt === null);
  if (!school) issues.push({ field: 'schoolId', message: `没有编号为 ${schoolId} 的学校` });
  const status = input.status ?? before?.status ?? 'enrolling';
  if (school?.status === 'planned' && status === 'enrolling') {
    issues.push({ field: 'status', message: '这所学校还在拟建设，专业只能是 拟开设' });
  }
  for (const certificateId of input.certificateIds ?? []) {
    if (!snapshot.certificates.some((c) => c.id === certificateId && c.retiredAt === null)) {
      issues.push({ field: 'certificateIds', message: `没有编号为 ${certificateId} 的证书` });
    }
  }
  const name = input.name ?? before?.name;
  const level = input.level ?? before?.level;
  const twin = snapshot.majors.find(
    (m) =>
      m.id !== (before?.id ?? id) &&
      m.retiredAt === null &&
      m.schoolId === schoolId &&
      m.name === name &&
      m.level === level,
  );
  if (twin) issues.push({ field: 'name', message: `本校已有${level}“${name}”专业（编号 ${twin.id}）` });
  if (issues.length > 0) return { ok: false, forbidden: false, issues };

  const changes = diff(before ? majorView(before) : null, input, (k) => k);
  const set = Object.fromEntries(
    Object.entries(input)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => [majorStored(k), x]),
  );
  const base = before ?? ({ id, retiredAt: null, version: 0, updatedAt: null } as unknown as MajorRecord);
  return { ok: true, record: edited({ ...base, ...set } as MajorRecord, now), changes };
}

export function proposeCertificate(
  caller: Caller,
  snapshot: CatalogSnapshot,
  before: Certificate | null,
  input: CertificateCreateInput | CertificatePatchInput,
  now: number,
  id: string = newCatalogId('certificate'),
): Proposal<Certificate> {
  if (!isAdmin(caller)) return forbidden('1+X 证书由教育局维护');
  const issues: FieldIssue[] = [];
  for (const schoolId of input.schoolIds ?? []) {
    if (!snapshot.schools.some((s) => s.id === schoolId && s.retiredAt === null)) {
      issues.push({ field: 'schoolIds', message: `没有编号为 ${schoolId} 的学校` });
    }
  }
  const name = input.name ?? before?.name;
  if (snapshot.certificates.some((c) => c.id !== before?.id && c.retiredAt === null && c.name === name)) {
    issues.push({ field: 'name', message: `已经有“${name}”证书了` });
  }
  if (issues.length > 0) return { ok: false, forbidden: false, issues };
  const changes = diff(before, input, (k) => k);
  const set = Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined));
  const base =
    before ?? ({ id, majorIds: [], retiredAt: null, version: 0, updatedAt: null } as unknown as Certificate);
  return { ok: true, record: edited({ ...base, ...set } as Certificate, now), changes };
}

/** Takes an item out of the lists (its page still answers); who may is who may edit it. */
export function proposeRetire<T extends { id: string; retiredAt: string | null; version: number }>(
  caller: Caller,
  item: T & { schoolId?: string },
  kind: 'school' | 'major' | 'certificate',
  now: number,
): Proposal<T> {
  const allowed = kind === 'major' ? administersSchool(caller, item.schoolId ?? '') : isAdmin(caller);
  if (!allowed) return forbidden(kind === 'major' ? '只能停用本校的专业' : '学校和证书由教育局维护');
  return {
    ok: true,
    record: edited({ ...item, retiredAt: toIso(now) }, now),
    changes: { retiredAt: { from: null, to: toIso(now) } },
  };
}

function settle<T>(proposal: Proposal<T>): { record: T; changes: Record<string, FieldChange> } {
  if (proposal.ok) return proposal;
  if (proposal.forbidden) {
    throw new DomainError('FORBIDDEN', { message: proposal.issues[0]?.message, fields: proposal.issues });
  }
  throw validationFailed(proposal.issues);
}

async function write(
  deps: CatalogEditDeps,
  caller: Caller,
  action: string,
  write: CatalogWrite,
  changes: Record<string, FieldChange>,
): Promise<void> {
  const audit = auditEntry(
    caller,
    action,
    `${write.kind}:${write.record.id}`,
    Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.from])),
    Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to])),
    deps.clock.now(),
  );
  await deps.catalog.apply([write], audit);
}

const notFound = (what: string) => new DomainError('NOT_FOUND', { message: `没有找到这个${what}` });

export async function createSchool(deps: CatalogEditDeps, caller: Caller, input: SchoolCreateInput) {
  const snapshot = await deps.catalog.snapshot();
  const { record, changes } = settle(proposeSchool(caller, snapshot, null, input, deps.clock.now()));
  await write(deps, caller, 'create-school', { kind: 'school', record, expectedVersion: null }, changes);
  return record;
}

export async function updateSchool(
  deps: CatalogEditDeps,
  caller: Caller,
  id: string,
  input: SchoolPatchInput,
) {
  const snapshot = await deps.catalog.snapshot();
  const before = snapshot.schools.find((s) => s.id === id);
  if (!before) throw notFound('学校');
  const { record, changes } = settle(proposeSchool(caller, snapshot, before, input, deps.clock.now()));
  if (Object.keys(changes).length === 0) return before;
  await write(
    deps,
    caller,
    'update-school',
    { kind: 'school', record, expectedVersion: before.version },
    changes,
  );
  return record;
}

export async function createMajor(deps: CatalogEditDeps, caller: Caller, input: MajorCreateInput) {
  const snapshot = await deps.catalog.snapshot();
  const { record, changes } = settle(proposeMajor(caller, snapshot, null, input, deps.clock.now()));
  await write(deps, caller, 'create-major', { kind: 'major', record, expectedVersion: null }, changes);
  return majorView(record);
}

export async function updateMajor(deps: CatalogEditDeps, caller: Caller, id: string, input: MajorPatchInput) {
  const snapshot = await deps.catalog.snapshot();
  const before = snapshot.majors.find((m) => m.id === id);
  if (!before) throw notFound('专业');
  const { record, changes } = settle(proposeMajor(caller, snapshot, before, input, deps.clock.now()));
  if (Object.keys(changes).length === 0) return majorView(before);
  await write(
    deps,
    caller,
    'update-major',
    { kind: 'major', record, expectedVersion: before.version },
    changes,
  );
  return majorView(record);
}

export async function createCertificate(
  deps: CatalogEditDeps,
  caller: Caller,
  input: CertificateCreateInput,
) {
  const snapshot = await deps.catalog.snapshot();
  const { record, changes } = settle(proposeCertificate(caller, snapshot, null, input, deps.clock.now()));
  await write(
    deps,
    caller,
    'create-certificate',
    { kind: 'certificate', record, expectedVersion: null },
    changes,
  );
  return record;
}

export async function updateCertificate(
  deps: CatalogEditDeps,
  caller: Caller,
  id: string,
  input: CertificatePatchInput,
) {
  const snapshot = await deps.catalog.snapshot();
  const before = snapshot.certificates.find((c) => c.id === id);
  if (!before) throw notFound('证书');
  const { record, changes } = settle(proposeCertificate(caller, snapshot, before, input, deps.clock.now()));
  if (Object.keys(changes).length === 0) return before;
  await write(
    deps,
    caller,
    'update-certificate',
    { kind: 'certificate', record, expectedVersion: before.version },
    changes,
  );
  return record;
}
