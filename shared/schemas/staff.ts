import * as v from 'valibot';
import { IsoInstantSchema, PageQuerySchema, plainText } from './common';

/** The QR payload staff scan (or type) at the door. */
export const CheckInInputSchema = v.strictObject(
  {
    code: v.pipe(
      v.string('请扫描或输入签到码'),
      v.trim(),
      v.regex(/^CK1\.[A-Za-z0-9_-]{20,400}$/, '签到码格式不正确，请重新扫描'),
    ),
    /** When the phone scanned it: an offline queue sends check-ins later, with the time they happened. */
    scannedAt: v.optional(IsoInstantSchema),
  },
  '签到请求包含不支持的字段',
);
export type CheckInInput = v.InferOutput<typeof CheckInInputSchema>;

export const CancelActivityInputSchema = v.strictObject(
  { reason: plainText('取消原因', 2, 200) },
  '取消请求包含不支持的字段',
);

export const EnrolmentInputSchema = v.strictObject(
  {
    year: v.pipe(
      v.number('年份应为数字'),
      v.integer(),
      v.minValue(2020, '年份不正确'),
      v.maxValue(2100, '年份不正确'),
    ),
    students: v.pipe(
      v.number('在校生人数应为数字'),
      v.integer('在校生人数应为整数'),
      v.minValue(0, '在校生人数不能为负数'),
      v.maxValue(200000, '在校生人数不正确'),
    ),
  },
  '包含不支持的字段',
);
export type EnrolmentInput = v.InferOutput<typeof EnrolmentInputSchema>;

const YearQuery = v.pipe(v.string(), v.regex(/^20\d{2}$/, '年份应为 4 位数字'), v.transform(Number));

export const StatsQuerySchema = v.strictObject({ year: v.optional(YearQuery) }, '不支持的查询条件');

export const RosterQuerySchema = v.strictObject(
  { format: v.optional(v.picklist(['json', 'csv'], '导出格式应为 csv')) },
  '不支持的查询条件',
);

export const AuditQuerySchema = PageQuerySchema;

export const COMPLETION_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{10}$/;

/** Share of sessions an attendee must attend for a completion record, unless the activity sets its own. */
export const DEFAULT_COMPLETION_THRESHOLD = 0.8;

export const SubscriptionsInputSchema = v.strictObject(
  {
    accepted: v.pipe(
      v.array(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, '模板编号不正确')), '请提供已同意的模板'),
      v.maxLength(5, '一次最多 5 个模板'),
    ),
  },
  '包含不支持的字段',
);

/** POST /staff/activities/{id}/attendance: 名单签到, ticking a confirmed attendee off the roster. */
export const AttendanceTickInputSchema = v.strictObject(
  {
    signupId: v.pipe(v.string('请选择要签到的人'), v.regex(/^[A-Za-z0-9_-]{6,64}$/, '报名编号格式不正确')),
    /** The day of the session (Asia/Shanghai); without it, the session under way or next. */
    sessionDate: v.optional(
      v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, '上课日期格式应为 2026-12-20')),
    ),
  },
  '签到请求包含不支持的字段',
);
export type AttendanceTickInput = v.InferOutput<typeof AttendanceTickInputSchema>;
