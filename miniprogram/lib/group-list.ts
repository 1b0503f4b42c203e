import type { ActivityKind } from '@shared/schemas/activity';
import {
  AttendeeSchema,
  personIdentity,
  REQUIRED_FIELD_MESSAGES,
  SIGNUP_BATCH_MAX,
  requiredAttendeeFields,
  type Attendee,
} from '@shared/schemas/signup';
import { validate } from '@shared/validate';
import type { FormValues } from './signup-form';

/**
 * 团体报名's list: what a village cadre or a teacher pastes, one person a line —
 * `张桂兰 13800138000 1956 五里村` (name, phone, then birth year and village if known) — read into rows she can
 * check, each with its problems in the shared schema's Chinese words. A line is never dropped: whatever cannot
 * be read as a field stays on its row as a problem to fix.
 */

/** A line read into the sign-up form's fields (those it has), plus what is left over. */
export interface GroupLine extends Partial<FormValues> {
  /** The line's index in the text (0-based), so its row can be removed from the text. */
  line: number;
  /** The line as typed, trimmed: what goes back into the box when the row has to be fixed. */
  text: string;
  /** Numbers left over once name, phone and birth year are taken. */
  extra: string[];
}

export interface GroupRow extends GroupLine {
  /** The row's number as the list shows it (第 N 行). */
  number: number;
  /** Every problem of the row, in Chinese; empty when it can be sent. */
  problems: string[];
  /** What to send, when there is no problem. */
  attendee?: Attendee;
}

/** The box holds more than 50 people's worth, so a long paste is counted and refused, not cut off. */
export const GROUP_TEXT_MAX = 6000;

/**
 * Spaces (also the full-width one), tabs, commas, 顿号 and semicolons, colons, bars and slashes, 句号 — Chinese
 * or ASCII: NFKC turns full-width `，；：｜／` into their ASCII forms first.
 */
const SEPARATORS = /[\s,、;:|/。]+/;
const LINE_BREAK = /\r\n|\r|\n/;
const YEAR = /^\d{4}年?$/;
const NUMBERISH = /^[+\d-]*\d[+\d-]*$/;

export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** `138-0013-8000` and `+8613800138000` as the 11 digits the schema checks. */
function cleanPhone(token: string): string {
  const digits = token.replace(/-/g, '');
  const national = /^\+?86(1\d{10})$/.exec(digits);
  return national?.[1] ?? digits;
}

function tokens(raw: string): string[] {
  let s = raw.normalize('NFKC').trim();
  // A numbered list from a chat: `1. 张桂兰 …`, `2、李…`, `(3) 王…`.
  s = s.replace(/^\(?\d{1,3}[.、)]\s*/, '');
  // A phone glued to the name or the village: 张桂兰13800138000五里村. (No \p{L} here: the weapp build would
  // spell it out as a 15 KB character class.)
  s = s.replace(/([^\d\s,、;:|/。+-])(?=\d{7})/g, '$1 ').replace(/(\d{7})(?=[^\d\s,、;:|/。+-])/g, '$1 ');
  const parts = s.split(SEPARATORS).filter(Boolean);
  // A serial number in its own column: `1 张桂兰 …`.
  if (parts.length > 1 && /^\d{1,3}$/.test(parts[0] ?? '') && !/^\d/.test(parts[1] ?? '')) parts.shift();
  // A phone typed in groups: 138 0013 8000.
  for (let i = 0; i + 2 < parts.length; i += 1) {
    const [a, b, c] = [parts[i], parts[i + 1], parts[i + 2]];
    if (/^1\d{2}$/.test(a ?? '') && /^\d{4}$/.test(b ?? '') && /^\d{4}$/.test(c ?? '')) {
      parts.splice(i, 3, `${a}${b}${c}`);
    }
  }
  return parts;
}

/** A header row copied from a spreadsheet (姓名 手机号 …): no digits, and a column title. */
function isHeader(raw: string): boolean {
  return !/\d/.test(raw) && /姓名|手机|电话/.test(raw);
}

/** One line into its fields, or null for a blank line. */
export function parseGroupLine(raw: string): Omit<GroupLine, 'line'> | null {
  const parts = tokens(raw);
  if (parts.length === 0) return null;
  const out: Omit<GroupLine, 'line'> = { text: raw.trim(), extra: [] };
  const place: string[] = [];
  for (const part of parts) {
    if (YEAR.test(part) && out.birthYear === undefined) out.birthYear = part.replace('年', '');
    else if (NUMBERISH.test(part) && out.phone === undefined) out.phone = cleanPhone(part);
    else if (NUMBERISH.test(part)) out.extra.push(part);
    else if (out.name === undefined) out.name = part;
    else place.push(part);
  }
  if (place.length) out.village = place.join(' ');
  return out;
}

/** Every person in the text, in order, with the line each came from; blank lines and a header are skipped. */
export function parseGroupText(text: string): GroupLine[] {
  const out: GroupLine[] = [];
  splitLines(text).forEach((raw, line) => {
    if (out.length === 0 && isHeader(raw)) return;
    const parsed = parseGroupLine(raw);
    if (parsed) out.push({ line, ...parsed });
  });
  return out;
}

/**
 * Each row checked as the server will check it: the shared AttendeeSchema, the fields this kind of activity
 * needs (送教下乡: 所在村屯; 老年大学: 出生年份), nothing left over, and nobody twice in one list.
 */
export function checkGroupRows(lines: GroupLine[], kind: ActivityKind): GroupRow[] {
  const seen = new Map<string, number>();
  return lines.map((l, index) => {
    const number = index + 1;
    const input: Record<string, unknown> = { name: l.name ?? '', phone: l.phone ?? '' };
    if (l.birthYear !== undefined) input.birthYear = Number(l.birthYear);
    if (l.village !== undefined) input.village = l.village;
    const problems: string[] = [];
    const result = validate(AttendeeSchema, input);
    if (!result.ok) problems.push(...result.issues.map((i) => i.message));
    for (const field of requiredAttendeeFields(kind)) {
      if (l[field] === undefined) problems.push(REQUIRED_FIELD_MESSAGES[field]);
    }
    if (l.extra.length) problems.push(`多出的内容“${l.extra.join(' ')}”，请检查`);
    if (result.ok) {
      const key = personIdentity(result.value);
      const first = seen.get(key);
      if (first !== undefined) problems.push(`与第 ${first} 行是同一个人`);
      else seen.set(key, number);
    }
    return { ...l, number, problems, ...(result.ok && !problems.length ? { attendee: result.value } : {}) };
  });
}

/** What blocks sending the whole list, in one sentence; null when it can go. */
export function listProblem(rows: GroupRow[]): string | null {
  if (rows.length === 0) return '名单是空的：每行填一个人，例如“张桂兰 13800138000 1956 五里村”';
  if (rows.length > SIGNUP_BATCH_MAX) {
    return `一次最多报名 ${SIGNUP_BATCH_MAX} 人，现在有 ${rows.length} 人，请分批提交`;
  }
  const bad = rows.filter((r) => r.problems.length > 0).map((r) => r.number);
  if (bad.length) return `第 ${bad.join('、')} 行需要修改（已标红），改好或删除后再提交`;
  return null;
}

/** A person as one line of the box: `张桂兰 13800138000 1956 五里村`. */
export function lineOf(values: Partial<FormValues>): string {
  return [values.name, values.phone, values.birthYear, values.village]
    .map((v) => (v ?? '').trim())
    .filter(Boolean)
    .join(' ');
}

export function removeLine(text: string, line: number): string {
  return splitLines(text)
    .filter((_, i) => i !== line)
    .join('\n');
}

export function appendLine(text: string, line: string): string {
  const kept = text.replace(/\s+$/, '');
  return kept ? `${kept}\n${line}` : line;
}
