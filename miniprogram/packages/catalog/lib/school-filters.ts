import type { SchoolKind } from '@shared/schemas/catalog';
import type { County } from '@shared/schemas/common';

/** 区县 on the directory, in the order a Siping parent reads them; 全市 is every school. */
export const COUNTY_CHOICES: Array<{ value: County | null; label: string }> = [
  { value: null, label: '全市' },
  { value: '铁西区', label: '铁西区' },
  { value: '铁东区', label: '铁东区' },
  { value: '双辽市', label: '双辽市' },
  { value: '梨树县', label: '梨树县' },
  { value: '伊通满族自治县', label: '伊通县' },
];

/**
 * 类型 on the directory, each the API's kinds it covers. 高职 includes 成人高校: Siping's one (四平农村成人高等专科学校)
 * awards 高职专科 diplomas, which is what a parent choosing 高职 looks for; its row still says 成人高校.
 */
export const KIND_CHOICES = {
  高职: ['高职院校', '成人高校'],
  中职: ['中职学校'],
  技工: ['技工学校'],
  开放大学: ['开放大学'],
  老年大学: ['老年大学'],
} as const satisfies Record<string, readonly SchoolKind[]>;
export type KindChoice = keyof typeof KIND_CHOICES;
export const KIND_LABELS = Object.keys(KIND_CHOICES) as KindChoice[];

/** The queries one choice of filters takes: one per kind it covers (the API filters by one kind). */
export function schoolQueries(
  county: County | null,
  kind: KindChoice | null,
): Array<{ county?: County; kind?: SchoolKind }> {
  const kinds: ReadonlyArray<SchoolKind | undefined> = kind ? KIND_CHOICES[kind] : [undefined];
  return kinds.map((k) => ({ county: county ?? undefined, kind: k }));
}

/** The answers of those queries as one list: a school once, those being built (拟建设) after the open ones. */
export function mergeSchools<T extends { id: string; status: 'open' | 'planned' }>(pages: T[][]): T[] {
  const seen = new Set<string>();
  const all = pages.flat().filter((s) => !seen.has(s.id) && seen.add(s.id));
  return [...all.filter((s) => s.status !== 'planned'), ...all.filter((s) => s.status === 'planned')];
}

/** A directory row's 在招 line; none for a school that teaches no majors (老年大学) or is not open yet. */
export function enrollingText(s: {
  kind: SchoolKind;
  status: 'open' | 'planned';
  enrollingMajors: number;
}): string | null {
  if (s.enrollingMajors > 0) return `在招专业 ${s.enrollingMajors} 个`;
  if (s.kind === '老年大学' || s.status === 'planned') return null;
  return '在招专业 未公布';
}
