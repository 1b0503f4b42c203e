import type { FieldIssue } from '@shared/errors';
import type { ActivityKind } from '@shared/schemas/activity';
import {
  AttendeeSchema,
  BirthYearSchema,
  NameSchema,
  PhoneSchema,
  REQUIRED_FIELD_MESSAGES,
  VillageSchema,
  requiredAttendeeFields,
  type Attendee,
} from '@shared/schemas/signup';
import { validate } from '@shared/validate';

/**
 * The sign-up form's rules, with the backend's own schemas from shared/: what to ask for which kind of
 * activity, each field's message as the user types, and the attendee to send.
 */
export type FieldName = 'name' | 'phone' | 'birthYear' | 'village';
export type FormValues = Record<FieldName, string>;
export type FormErrors = Partial<Record<FieldName, string>>;

export const FIELD_LABELS: Record<FieldName, string> = {
  name: '姓名',
  phone: '手机号',
  birthYear: '出生年份',
  village: '所在村屯',
};

/** How each field's box is typed: its placeholder, keyboard and length, and a line under it where it helps. */
export const FIELD_INPUT: Record<
  FieldName,
  { placeholder: string; type: 'text' | 'number'; maxlength: number; hint?: string }
> = {
  name: { placeholder: '参加人的姓名', type: 'text', maxlength: 20 },
  phone: { placeholder: '11 位手机号', type: 'number', maxlength: 11, hint: '用于通知上课时间和变动' },
  birthYear: { placeholder: '例如 1958', type: 'number', maxlength: 4 },
  village: { placeholder: '例如 八里庙村', type: 'text', maxlength: 30 },
};

export const EMPTY_VALUES: FormValues = { name: '', phone: '', birthYear: '', village: '' };

export function fieldsFor(kind: ActivityKind): FieldName[] {
  return ['name', 'phone', ...requiredAttendeeFields(kind)];
}

/** Birth year is typed as text but checked (and sent) as a number. */
function birthYearInput(raw: string): unknown {
  const trimmed = raw.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function validateField(field: FieldName, raw: string, kind: ActivityKind): string | undefined {
  const required = requiredAttendeeFields(kind) as FieldName[];
  if ((field === 'birthYear' || field === 'village') && raw.trim() === '') {
    return required.includes(field) ? REQUIRED_FIELD_MESSAGES[field] : undefined;
  }
  const result =
    field === 'name'
      ? validate(NameSchema, raw)
      : field === 'phone'
        ? validate(PhoneSchema, raw)
        : field === 'birthYear'
          ? validate(BirthYearSchema, birthYearInput(raw))
          : validate(VillageSchema, raw);
  return result.ok ? undefined : result.issues[0]?.message;
}

/**
 * Whether to show a field's message while the user is still typing: once the field was left or the form
 * submitted, or as soon as the value is long enough to judge (11 digits of a phone, 4 of a year) or has a
 * character that can never be right.
 */
export function shouldShowLive(field: FieldName, raw: string, touched: boolean): boolean {
  if (touched) return true;
  const v = raw.trim();
  if (field === 'phone') return v.length >= 11 || /\D/.test(v);
  if (field === 'birthYear') return v.length >= 4 || /\D/.test(v);
  if (field === 'name') return /[<>0-9]/.test(v);
  return false;
}

export function validateForm(values: FormValues, kind: ActivityKind): FormErrors {
  const errors: FormErrors = {};
  for (const field of fieldsFor(kind)) {
    const message = validateField(field, values[field], kind);
    if (message) errors[field] = message;
  }
  return errors;
}

export type AttendeeResult = { ok: true; attendee: Attendee } | { ok: false; errors: FormErrors };

/** The attendee to send: every asked field valid, the whole object valid under AttendeeSchema. */
export function toAttendee(values: FormValues, kind: ActivityKind): AttendeeResult {
  const errors = validateForm(values, kind);
  if (Object.keys(errors).length) return { ok: false, errors };
  const fields = fieldsFor(kind);
  const input: Record<string, unknown> = { name: values.name, phone: values.phone };
  if (fields.includes('birthYear')) input.birthYear = birthYearInput(values.birthYear);
  if (fields.includes('village')) input.village = values.village;
  const result = validate(AttendeeSchema, input);
  if (result.ok) return { ok: true, attendee: result.value };
  return { ok: false, errors: fromServerFields(result.issues) };
}

/** Server (or schema) issues like `attendee.phone` / `phone` onto the form's fields. */
export function fromServerFields(issues: FieldIssue[]): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const field = issue.field.replace(/^attendee\./, '') as FieldName;
    if (field in FIELD_LABELS && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** The form a returning user sees: their last attendee, for the fields this kind asks for. */
export function prefill(last: Partial<Attendee> | null | undefined): FormValues {
  return {
    name: last?.name ?? '',
    phone: last?.phone ?? '',
    birthYear: last?.birthYear !== undefined ? String(last.birthYear) : '',
    village: last?.village ?? '',
  };
}
