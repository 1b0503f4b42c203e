import { MAJOR_STATUS_LABELS, SCHOOL_STATUS_LABELS } from '@shared/schemas/catalog';
import type { ImportResult } from './catalog-api';

/** The API's field names (as PATCH takes them and an import reports them), in the workbook's words. */
export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  shortName: '简称',
  kind: '学校类型',
  county: '区县',
  inPark: '职教园区',
  levels: '层次',
  direction: '办学方向',
  phone: '电话',
  address: '地址',
  location: '位置',
  website: '网址',
  admissionsContact: '招生咨询',
  intro: '简介',
  schoolId: '学校',
  level: '层次',
  field: '专业方向',
  years: '学制',
  status: '状态',
  code: '专业代码',
  catalogueVersion: '专业目录版本',
  intake: '招生计划',
  tuition: '学费',
  aid: '资助',
  summary: '简介',
  careers: '就业方向',
  partners: '合作企业',
  certificateIds: '可考证书',
  issuer: '培训评价组织',
  schoolIds: '试点院校',
  majorIds: '对应专业',
  source: '信息来源',
  retiredAt: '停用时间',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

const EMPTY = '（空）';
const LONG = 40;

const isLatLng = (x: unknown): x is { lat: number; lng: number } =>
  typeof x === 'object' && x !== null && 'lat' in x && 'lng' in x;
const isIntakeRow = (x: unknown): x is { year: number; places: number } =>
  typeof x === 'object' && x !== null && 'year' in x && 'places' in x;

/** One side of a change as a person reads it: 在招, 3 年, 2027 年 120 人, 43.17, 124.35, （空）… */
export function formatValue(field: string, value: unknown, sheet = ''): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value)) {
    if (!value.length) return EMPTY;
    return value.map((x) => (isIntakeRow(x) ? `${x.year} 年 ${x.places} 人` : String(x))).join('、');
  }
  if (field === 'status' && typeof value === 'string') {
    const labels: Record<string, string> = sheet.includes('学校')
      ? SCHOOL_STATUS_LABELS
      : MAJOR_STATUS_LABELS;
    return labels[value] ?? value;
  }
  if (field === 'years' && typeof value === 'number') return `${value} 年`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (isLatLng(value)) return `${value.lat}, ${value.lng}`;
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > LONG ? `${text.slice(0, LONG)}…` : text;
}

type Item = ImportResult['added'][number];

/** `“专业”第 7 行 护理`: where in the workbook, then what. */
export function itemTitle(item: Item): string {
  const where = item.row === null ? `“${item.sheet}”` : `“${item.sheet}”第 ${item.row} 行`;
  return `${where} ${item.name}`;
}

/** A changed row's fields, each `学制：3 年 → 4 年`. */
export function changeLines(item: ImportResult['changed'][number]): string[] {
  return Object.entries(item.fields).map(
    ([field, { from, to }]) =>
      `${fieldLabel(field)}：${formatValue(field, from, item.sheet)} → ${formatValue(field, to, item.sheet)}`,
  );
}

/** `工作表“专业” E7：学制应为 1–6 年`. */
export const issueLine = (issue: ImportResult['errors'][number]): string =>
  `工作表“${issue.sheet}” ${issue.cell}：${issue.message}`;

/** The counts line above the details. */
export function importSummary(r: ImportResult): string {
  const parts = [`新增 ${r.added.length} 条`, `修改 ${r.changed.length} 条`, `停用 ${r.retired.length} 条`];
  if (r.errors.length) parts.push(`错误 ${r.errors.length} 处`);
  return parts.join(' · ');
}

/** Whether 确认导入 may be offered: a dry run with something to do and nothing to fix. */
export const canApply = (r: ImportResult): boolean =>
  r.dryRun && !r.errors.length && r.added.length + r.changed.length + r.retired.length > 0;

/**
 * The file name to save an export under: the server's Content-Disposition (RFC 6266 `filename*=UTF-8''…` first,
 * then `filename="…"`), else `fallback`.
 */
export function fileNameFrom(disposition: string | null | undefined, fallback: string): string {
  const header = disposition ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star.trim().replace(/^"|"$/g, ''));
    } catch {
      // a malformed escape: try the plain form
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = (plain?.[2] ?? plain?.[1] ?? '').trim();
  return name || fallback;
}

/** `四平卫校-专业目录-2026-12-02.xlsx`, as the server names its own (used when it names none). */
export function exportFileName(scope: string, now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${scope}-专业目录-${day}.xlsx`;
}
