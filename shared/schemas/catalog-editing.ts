import * as v from 'valibot';
import { CountySchema, IdSchema, plainText } from './common';
import {
  CERTIFICATE_LEVELS,
  LatLngSchema,
  LEVELS,
  MAJOR_GROUPS,
  MAJOR_STATUSES,
  SCHOOL_KINDS,
  SCHOOL_STATUSES,
} from './catalog';

/**
 * Editing the catalog: what the bureau and the schools send (forms and the Excel import). Apart from
 * catalog.ts so the app's main package, which shares catalog.ts among its subpackages, does not carry the
 * staff's form rules.
 */

const nullableText = (label: string, max: number) =>
  v.nullable(
    v.pipe(
      plainText(label, 0, max),
      v.transform((s) => (s === '' ? null : s)),
    ),
  );

const PhoneSchema = v.nullable(
  v.pipe(
    v.string('电话应为文字'),
    v.trim(),
    v.transform((s) => (s === '' ? null : s)),
    v.nullable(
      v.pipe(
        v.string(),
        v.regex(
          /^[0-9][0-9 -]{4,18}[0-9]$/,
          '电话应为数字，可带区号和短横线，如 0434-3281234 或 13912345678',
        ),
      ),
    ),
  ),
);

const WebsiteSchema = v.nullable(
  v.pipe(
    v.string('网址应为文字'),
    v.trim(),
    v.transform((s) => (s === '' ? null : s)),
    v.nullable(
      v.pipe(
        v.string(),
        v.maxLength(200, '网址不能超过200个字'),
        v.regex(/^https?:\/\/[^\s<>"]+$/, '网址应以 http:// 或 https:// 开头，如 https://www.example.edu.cn'),
      ),
    ),
  ),
);

/** Where the fact comes from: required on every edit, so no item is ever unsourced. */
const SourceInputSchema = plainText('信息来源（规划章节或公开网址）', 2, 300);
const NameSchema = (label: string) => plainText(label, 1, 40);
const TextListSchema = (label: string) =>
  v.pipe(v.array(plainText(label, 1, 60), `${label}应为列表`), v.maxLength(20, `${label}最多20项`));
const IdListInputSchema = (label: string) =>
  v.pipe(v.array(IdSchema, `${label}应为编号列表`), v.maxLength(30, `${label}最多30项`));

/** The profile a school keeps itself: its school admin may change these and nothing else of the school. */
export const SCHOOL_PROFILE_FIELDS = [
  'phone',
  'address',
  'location',
  'website',
  'admissionsContact',
  'intro',
] as const;
export type SchoolProfileField = (typeof SCHOOL_PROFILE_FIELDS)[number];

const SchoolFieldSchemas = {
  name: NameSchema('学校名称'),
  shortName: plainText('简称', 1, 12),
  kind: v.picklist(SCHOOL_KINDS, '学校类型应为 高职院校、成人高校、中职学校、技工学校、开放大学 或 老年大学'),
  county: v.nullable(CountySchema),
  inPark: v.boolean('是否在职教园区应为 是 或 否'),
  levels: v.array(v.picklist(LEVELS, '层次应为 中职、高职专科 或 职业本科')),
  direction: plainText('办学方向', 0, 200),
  status: v.picklist(SCHOOL_STATUSES, '状态应为 开办中 或 拟建设'),
  phone: PhoneSchema,
  address: nullableText('地址', 100),
  location: v.nullable(LatLngSchema),
  website: WebsiteSchema,
  admissionsContact: nullableText('招生咨询', 60),
  intro: nullableText('学校简介', 1000),
  source: SourceInputSchema,
};

const atLeastOne = <T extends object>(value: T) => Object.values(value).some((x) => x !== undefined);

/** A PATCH body: any of the fields, each by its create rule, and at least one. */
function patchOf<E extends Record<string, v.GenericSchema>>(fields: E) {
  return v.pipe(
    v.strictObject(
      Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, v.optional(s)])) as {
        [K in keyof E]: v.OptionalSchema<E[K], undefined>;
      },
      '不支持的字段',
    ),
    v.check(atLeastOne, '请至少修改一项'),
  );
}

/** POST /staff/schools (the bureau): a new school; its id is made from nothing the user types. */
export const SchoolCreateInputSchema = v.strictObject(
  {
    ...SchoolFieldSchemas,
    inPark: v.optional(SchoolFieldSchemas.inPark, false),
    levels: v.optional(SchoolFieldSchemas.levels, []),
    direction: v.optional(SchoolFieldSchemas.direction, ''),
    status: v.optional(SchoolFieldSchemas.status, 'open'),
    phone: v.optional(SchoolFieldSchemas.phone, null),
    address: v.optional(SchoolFieldSchemas.address, null),
    location: v.optional(SchoolFieldSchemas.location, null),
    website: v.optional(SchoolFieldSchemas.website, null),
    admissionsContact: v.optional(SchoolFieldSchemas.admissionsContact, null),
    intro: v.optional(SchoolFieldSchemas.intro, null),
  },
  '不支持的字段',
);
export type SchoolCreateInput = v.InferOutput<typeof SchoolCreateInputSchema>;

/** PATCH /staff/schools/{id}: any field; a school admin may send only the profile fields. */
export const SchoolPatchInputSchema = patchOf(SchoolFieldSchemas);
export type SchoolPatchInput = v.InferOutput<typeof SchoolPatchInputSchema>;

const YearsSchema = v.nullable(
  v.pipe(v.number('学制应为年数'), v.minValue(1, '学制应为 1–6 年'), v.maxValue(6, '学制应为 1–6 年')),
);
const IntakeSchema = v.pipe(
  v.array(
    v.object({
      year: v.pipe(
        v.number('招生年份应为数字'),
        v.integer('招生年份应为整数'),
        v.minValue(2000),
        v.maxValue(2100),
      ),
      places: v.pipe(
        v.number('招生人数应为数字'),
        v.integer('招生人数应为整数'),
        v.minValue(0, '招生人数不能小于 0'),
        v.maxValue(20000, '招生人数不能超过 20000'),
      ),
    }),
    '招生计划应为列表',
  ),
  v.maxLength(10, '招生计划最多10年'),
  v.check((rows) => new Set(rows.map((r) => r.year)).size === rows.length, '同一年的招生计划只能有一条'),
);

const MajorFieldSchemas = {
  schoolId: IdSchema,
  name: NameSchema('专业名称'),
  level: v.picklist(LEVELS, '层次应为 中职、高职专科 或 职业本科'),
  field: v.picklist(MAJOR_GROUPS, `专业方向应为 ${MAJOR_GROUPS.join('、')} 之一`),
  years: YearsSchema,
  status: v.picklist(MAJOR_STATUSES, '状态应为 在招、拟开设 或 停招'),
  code: v.nullable(
    v.pipe(v.string(), v.trim(), v.regex(/^\d{4,6}$/, '专业代码应为 4–6 位数字，未核实请留空')),
  ),
  catalogueVersion: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}$/, '专业目录版本应为年份，如 2021'))),
  intake: IntakeSchema,
  tuition: nullableText('学费', 100),
  aid: nullableText('资助', 200),
  summary: plainText('专业简介', 0, 1000),
  careers: TextListSchema('就业方向'),
  partners: TextListSchema('合作企业'),
  certificateIds: IdListInputSchema('可考证书'),
  source: SourceInputSchema,
};

/** POST /staff/majors. */
export const MajorCreateInputSchema = v.strictObject(
  {
    ...MajorFieldSchemas,
    years: v.optional(MajorFieldSchemas.years, null),
    code: v.optional(MajorFieldSchemas.code, null),
    catalogueVersion: v.optional(MajorFieldSchemas.catalogueVersion, '2021'),
    intake: v.optional(MajorFieldSchemas.intake, []),
    tuition: v.optional(MajorFieldSchemas.tuition, null),
    aid: v.optional(MajorFieldSchemas.aid, null),
    summary: v.optional(MajorFieldSchemas.summary, ''),
    careers: v.optional(MajorFieldSchemas.careers, []),
    partners: v.optional(MajorFieldSchemas.partners, []),
    certificateIds: v.optional(MajorFieldSchemas.certificateIds, []),
  },
  '不支持的字段',
);
export type MajorCreateInput = v.InferOutput<typeof MajorCreateInputSchema>;

/** PATCH /staff/majors/{id}. */
export const MajorPatchInputSchema = patchOf(MajorFieldSchemas);
export type MajorPatchInput = v.InferOutput<typeof MajorPatchInputSchema>;

const CertificateFieldSchemas = {
  name: NameSchema('证书名称'),
  issuer: plainText('培训评价组织', 1, 60),
  levels: v.array(v.picklist(CERTIFICATE_LEVELS, '证书等级应为 初级、中级 或 高级')),
  summary: plainText('证书简介', 0, 1000),
  /** 试点院校: schools that train and examine for it. Majors link to a certificate from the major's side. */
  schoolIds: IdListInputSchema('试点院校'),
  source: SourceInputSchema,
};

/** POST /staff/certificates (the bureau). */
export const CertificateCreateInputSchema = v.strictObject(
  {
    ...CertificateFieldSchemas,
    levels: v.optional(CertificateFieldSchemas.levels, []),
    summary: v.optional(CertificateFieldSchemas.summary, ''),
    schoolIds: v.optional(CertificateFieldSchemas.schoolIds, []),
  },
  '不支持的字段',
);
export type CertificateCreateInput = v.InferOutput<typeof CertificateCreateInputSchema>;

/** PATCH /staff/certificates/{id} (the bureau). */
export const CertificatePatchInputSchema = patchOf(CertificateFieldSchemas);
export type CertificatePatchInput = v.InferOutput<typeof CertificatePatchInputSchema>;

/** The content type of an .xlsx workbook, as exported and as imported. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST /staff/catalog/import?dryRun=true: show what the workbook would do, write nothing. */
export const CatalogImportQuerySchema = v.strictObject(
  {
    dryRun: v.optional(
      v.pipe(
        v.picklist(['true', 'false'], 'dryRun 应为 true 或 false'),
        v.transform((x) => x === 'true'),
      ),
    ),
  },
  '不支持的查询条件',
);
