import * as v from 'valibot';
import { isIsoInstant } from '../time';

/** The city's five county-level divisions, as the API and the seed spell them. */
export const COUNTIES = ['铁西区', '铁东区', '梨树县', '伊通满族自治县', '双辽市'] as const;
export type County = (typeof COUNTIES)[number];

export const CountySchema = v.picklist(COUNTIES, '请选择四平市的区县');

/** Ids are short slugs: safe in URLs, table keys and the dev login's `staff-<schoolId>`. */
export const IdSchema = v.pipe(v.string('缺少编号'), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '编号格式不正确'));

export const IsoInstantSchema = v.pipe(
  v.string('请填写时间'),
  v.check(isIsoInstant, '时间格式应为 2026-12-20T09:00:00+08:00'),
);

/** Markup brackets and control characters (tabs and newlines aside) have no place in a form field. */
export function hasMarkupOrControl(s: string): boolean {
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '<' || ch === '>' || c === 0x7f || (c < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r'))
      return true;
  }
  return false;
}

/** A string that is trimmed and must not carry markup or control characters. */
export function plainText(label: string, min: number, max: number) {
  return v.pipe(
    v.string(`请填写${label}`),
    v.trim(),
    v.minLength(min, min > 0 ? `请填写${label}` : `${label}格式不正确`),
    v.maxLength(max, `${label}不能超过${max}个字`),
    v.check((s) => !hasMarkupOrControl(s), `${label}不能包含 < > 等特殊字符`),
  );
}

export const LimitSchema = v.pipe(
  v.string(),
  v.regex(/^\d{1,3}$/, '每页条数应为 1–100 的整数'),
  v.transform(Number),
  v.minValue(1, '每页条数应为 1–100 的整数'),
  v.maxValue(100, '每页条数应为 1–100 的整数'),
);

export const CursorSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,2048}$/, '分页参数不正确'));

export const SearchTextSchema = plainText('搜索词', 1, 40);

/** What every list answers with. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The schema of a Page of `item`s. */
export const pageOf = <S extends v.GenericSchema>(item: S) =>
  v.object({ items: v.array(item), nextCursor: v.nullable(v.string()) });

/** `?cursor=&limit=` for routes that page and filter nothing else. */
export const PageQuerySchema = v.strictObject(
  { cursor: v.optional(CursorSchema), limit: v.optional(LimitSchema) },
  '不支持的查询条件',
);
