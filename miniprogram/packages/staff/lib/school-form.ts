import type { FormCheck } from './submit-form';
import { type School } from '@shared/schemas/catalog';
import {
  SchoolPatchInputSchema,
  type SchoolPatchInput,
  type SchoolProfileField,
} from '@shared/schemas/catalog-editing';
import type { FieldIssue } from '@shared/errors';
import { validate } from '@shared/validate';

/** 学校信息 as typed: every field a string; 位置 as two numbers' text. */
export interface SchoolForm {
  phone: string;
  address: string;
  lat: string;
  lng: string;
  website: string;
  admissionsContact: string;
  intro: string;
}

export type SchoolFormKey = keyof SchoolForm;
export type FormErrors<K extends string> = Partial<Record<K | 'form', string>>;

export function fromSchool(s: School): SchoolForm {
  return {
    phone: s.phone ?? '',
    address: s.address ?? '',
    lat: s.location ? String(s.location.lat) : '',
    lng: s.location ? String(s.location.lng) : '',
    website: s.website ?? '',
    admissionsContact: s.admissionsContact ?? '',
    intro: s.intro ?? '',
  };
}

/** Typed text → the API's value: trimmed, and empty means none. */
export const textOrNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** A number as typed (full-width digits too); text that is not one passes through for the schema to refuse. */
export function numberOf(s: string): number | string | undefined {
  const t = s.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** 位置: both empty is none; otherwise both must be numbers (the schema says which is not). */
export function locationOf(lat: string, lng: string): unknown {
  if (lat.trim() === '' && lng.trim() === '') return null;
  return { lat: numberOf(lat), lng: numberOf(lng) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The profile as the API takes it, from the form. */
export function profileOf(f: SchoolForm): Record<SchoolProfileField, unknown> {
  return {
    phone: textOrNull(f.phone),
    address: textOrNull(f.address),
    location: locationOf(f.lat, f.lng),
    website: textOrNull(f.website),
    admissionsContact: textOrNull(f.admissionsContact),
    intro: textOrNull(f.intro),
  };
}

/** Only what differs from the school as loaded: a field left as it was is not sent. */
export function schoolChanges(f: SchoolForm, before: School): Partial<Record<SchoolProfileField, unknown>> {
  const changes: Partial<Record<SchoolProfileField, unknown>> = {};
  for (const [key, value] of Object.entries(profileOf(f)) as Array<[SchoolProfileField, unknown]>) {
    if (!same(value, before[key])) changes[key] = value;
  }
  return changes;
}

const EMPTY: SchoolForm = {
  phone: '',
  address: '',
  lat: '',
  lng: '',
  website: '',
  admissionsContact: '',
  intro: '',
};

/** Where an issue's dotted path shows in the form (`location.lat` under 纬度). */
export function schoolErrorKey(path: string): SchoolFormKey | 'form' {
  if (path === 'location' || path === 'location.lat') return 'lat';
  if (path === 'location.lng') return 'lng';
  const head = path.split('.')[0] ?? '';
  return head in EMPTY ? (head as SchoolFormKey) : 'form';
}

/** Issues (the schema's or the server's) keyed by the form's fields; the first one per field wins. */
export function formErrors<K extends string>(
  issues: readonly FieldIssue[],
  keyOf: (path: string) => K | 'form',
): FormErrors<K> {
  const errors: FormErrors<K> = {};
  for (const issue of issues) {
    const key = keyOf(issue.field);
    errors[key] ??= issue.message;
  }
  return errors;
}

export type SchoolCheck = FormCheck<SchoolPatchInput, SchoolFormKey>;

/** The PATCH body: the changed fields, checked with the shared SchoolPatchInputSchema. */
export function checkSchool(f: SchoolForm, before: School): SchoolCheck {
  const changes = schoolChanges(f, before);
  if (!Object.keys(changes).length) return { ok: false, unchanged: true };
  const result = validate(SchoolPatchInputSchema, changes);
  if (result.ok) return { ok: true, value: result.value };
  return { ok: false, errors: formErrors(result.issues, schoolErrorKey) };
}
