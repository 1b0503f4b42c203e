import type { County } from '@shared/schemas/common';
import { FamilyMemberInputSchema, type FamilyMember, type FamilyMemberInput } from '@shared/schemas/signup';
import { validate } from '@shared/validate';

export interface FamilyForm {
  name: string;
  phone: string;
  birthYear: string;
  relation: string;
  residence: County | null;
  village: string;
}

export const EMPTY_FAMILY: FamilyForm = {
  name: '',
  phone: '',
  birthYear: '',
  relation: '',
  residence: null,
  village: '',
};

export function fromMember(m: FamilyMember): FamilyForm {
  return {
    name: m.name,
    phone: m.phone,
    birthYear: m.birthYear ? String(m.birthYear) : '',
    relation: m.relation,
    residence: m.residence ?? null,
    village: m.village ?? '',
  };
}

/** Checks the form with the shared schema; errors keyed by field. */
export function checkFamily(
  f: FamilyForm,
): { ok: true; value: FamilyMemberInput } | { ok: false; errors: Record<string, string> } {
  const body: Record<string, unknown> = {
    name: f.name.trim(),
    phone: f.phone.trim(),
    relation: f.relation || undefined,
  };
  if (f.birthYear.trim()) body.birthYear = Number(f.birthYear.trim());
  if (f.residence) body.residence = f.residence;
  if (f.village.trim()) body.village = f.village.trim();
  const result = validate(FamilyMemberInputSchema, body);
  if (result.ok) return { ok: true, value: result.value };
  return { ok: false, errors: Object.fromEntries(result.issues.map((i) => [i.field || 'form', i.message])) };
}
