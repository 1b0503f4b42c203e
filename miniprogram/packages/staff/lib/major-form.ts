import type { FormCheck } from './submit-form';
import { type Level, type Major, type MajorGroup, type MajorStatus } from '@shared/schemas/catalog';
import {
  MajorCreateInputSchema,
  MajorPatchInputSchema,
  type MajorCreateInput,
  type MajorPatchInput,
} from '@shared/schemas/catalog-editing';
import { currentYearInZone } from '@shared/time';
import { validate } from '@shared/validate';
import { shownIntake } from '@/packages/catalog/lib/major-status';
import { formErrors, numberOf, textOrNull } from './school-form';

/** 新增专业 / 修改专业 as typed. */
export interface MajorForm {
  name: string;
  level: Level | null;
  field: MajorGroup | null;
  years: string;
  status: MajorStatus;
  code: string;
  /** 招生计划: one year's places; the major's other years are kept as they are. */
  intakeYear: string;
  places: string;
  tuition: string;
  aid: string;
  summary: string;
  /** One a line, or separated by 、，; */
  careers: string;
  partners: string;
  source: string;
}

export type MajorFormKey = keyof MajorForm;
type Intake = Major['intake'];

export function emptyMajorForm(now: number = Date.now()): MajorForm {
  return {
    name: '',
    level: null,
    field: null,
    years: '',
    status: 'enrolling',
    code: '',
    intakeYear: String(currentYearInZone(now)),
    places: '',
    tuition: '',
    aid: '',
    summary: '',
    careers: '',
    partners: '',
    source: '',
  };
}

export function fromMajor(m: Major, now: number = Date.now()): MajorForm {
  const row = shownIntake(m.intake, currentYearInZone(now));
  return {
    name: m.name,
    level: m.level,
    field: m.field,
    years: m.years === null ? '' : String(m.years),
    status: m.status,
    code: m.code ?? '',
    intakeYear: String(row?.year ?? currentYearInZone(now)),
    places: row ? String(row.places) : '',
    tuition: m.tuition ?? '',
    aid: m.aid ?? '',
    summary: m.summary,
    careers: m.careers.join('\n'),
    partners: m.partners.join('\n'),
    source: m.source,
  };
}

/** 就业方向 / 合作企业 as typed: one a line, or separated by 、，,；; — blanks dropped. */
export const splitList = (text: string): string[] =>
  text
    .split(/[\n、，,；;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const byYear = (rows: readonly { year: number; places: number }[]) =>
  [...rows].sort((a, b) => a.year - b.year);

/**
 * The intake with the form's year set to its places (or removed when places is empty); other years stay.
 * A year or places that is not a number passes through for the schema to refuse.
 */
export function intakeWith(before: Intake, yearText: string, placesText: string): unknown[] {
  const year = numberOf(yearText);
  const places = numberOf(placesText);
  const others = byYear(before.filter((r) => r.year !== year));
  if (places === undefined) return others;
  return [...others, { year, places }].sort((a, b) => (Number(a.year) || 0) - (Number(b.year) || 0));
}

/** Every editable field as the API takes it (before the schema's check). */
export function majorValues(f: MajorForm, before: Intake = []): Record<string, unknown> {
  return {
    name: f.name.trim(),
    level: f.level ?? undefined,
    field: f.field ?? undefined,
    years: f.years.trim() === '' ? null : numberOf(f.years),
    status: f.status,
    code: textOrNull(f.code),
    intake: intakeWith(before, f.intakeYear, f.places),
    tuition: textOrNull(f.tuition),
    aid: textOrNull(f.aid),
    summary: f.summary.trim(),
    careers: splitList(f.careers),
    partners: splitList(f.partners),
    source: f.source.trim(),
  };
}

/** Where an issue's dotted path shows in the form (`intake.1.places` under 招生人数). */
export function majorErrorKey(path: string): MajorFormKey | 'form' {
  const [head = '', , leaf] = path.split('.');
  if (head === 'intake') return leaf === 'year' ? 'intakeYear' : 'places';
  const keys: readonly string[] = Object.keys(emptyMajorForm(0));
  return keys.includes(head) ? (head as MajorFormKey) : 'form';
}

export type MajorCheck<T> = FormCheck<T, MajorFormKey>;

/** POST /staff/majors: the whole form for the school, checked with the shared MajorCreateInputSchema. */
export function checkMajorCreate(f: MajorForm, schoolId: string): MajorCheck<MajorCreateInput> {
  const result = validate(MajorCreateInputSchema, { schoolId, ...majorValues(f) });
  if (result.ok) return { ok: true, value: result.value };
  return { ok: false, errors: formErrors(result.issues, majorErrorKey) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** PATCH /staff/majors/{id}: only the fields that differ from the major as loaded. */
export function checkMajorPatch(f: MajorForm, before: Major): MajorCheck<MajorPatchInput> {
  const values = majorValues(f, before.intake);
  const was: Record<string, unknown> = { ...before, intake: byYear(before.intake) };
  const changes = Object.fromEntries(
    Object.entries(values).filter(([k, v]) => v !== undefined && !same(v, was[k])),
  );
  if (!Object.keys(changes).length) return { ok: false, unchanged: true };
  const result = validate(MajorPatchInputSchema, changes);
  if (result.ok) return { ok: true, value: result.value };
  return { ok: false, errors: formErrors(result.issues, majorErrorKey) };
}
