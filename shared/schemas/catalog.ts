import * as v from 'valibot';
import { CountySchema, CursorSchema, IdSchema, LimitSchema, SearchTextSchema, plainText } from './common';

/** Levels as the 2021 national catalogue names them. */
export const LEVELS = ['中职', '高职专科', '职业本科'] as const;
export type Level = (typeof LEVELS)[number];

/** Fields (专业群) the plan asks the schools to build; majors are filtered by them. */
export const MAJOR_GROUPS = [
  '智能制造',
  '医药卫生',
  '信息技术',
  '财经商贸',
  '现代农业',
  '康养托育',
  '教育',
  '旅游服务',
  '能源',
] as const;
export type MajorGroup = (typeof MAJOR_GROUPS)[number];

export const SCHOOL_KINDS = ['高职院校', '成人高校', '中职学校', '技工学校', '开放大学', '老年大学'] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

const LevelSchema = v.picklist(LEVELS);
const IdListSchema = v.array(v.string());

/** Where a fact comes from: a section of the plan, or a public web address. */
const SourceSchema = v.string();

/** When the item left the seed: it leaves the lists, and its page still answers (a shared link keeps working). */
const RetiredAtSchema = v.optional(v.nullable(v.string()), null);

/**
 * Every catalog item counts its edits: 0 is the seed's own text; a school's or the bureau's edit makes it
 * theirs, so a later seed run leaves it alone. The count also guards an edit against a concurrent one.
 */
const EditFields = {
  version: v.optional(v.pipe(v.number(), v.integer()), 0),
  updatedAt: v.optional(v.nullable(v.string()), null),
};

/** A point on the map, as the bureau and the schools give it (GCJ-02, as WeChat's maps use). */
export const LatLngSchema = v.object({
  lat: v.pipe(
    v.number('纬度应为数字'),
    v.minValue(-90, '纬度应在 -90 到 90 之间'),
    v.maxValue(90, '纬度应在 -90 到 90 之间'),
  ),
  lng: v.pipe(
    v.number('经度应为数字'),
    v.minValue(-180, '经度应在 -180 到 180 之间'),
    v.maxValue(180, '经度应在 -180 到 180 之间'),
  ),
});

/** 在招 the school is open; 拟建 the plan asks for it to be built (e.g. a county's 老年大学). */
export const SCHOOL_STATUSES = ['open', 'planned'] as const;
export type SchoolStatus = (typeof SCHOOL_STATUSES)[number];
export const SCHOOL_STATUS_LABELS: Record<SchoolStatus, string> = { open: '开办中', planned: '拟建设' };

export const SchoolSchema = v.object({
  id: v.string(),
  name: v.string(),
  shortName: v.string(),
  kind: v.picklist(SCHOOL_KINDS),
  county: v.nullable(CountySchema),
  inPark: v.boolean(),
  levels: v.array(LevelSchema),
  direction: v.string(),
  status: v.optional(v.picklist(SCHOOL_STATUSES), 'open'),
  phone: v.optional(v.nullable(v.string()), null),
  address: v.optional(v.nullable(v.string()), null),
  location: v.optional(v.nullable(LatLngSchema), null),
  website: v.optional(v.nullable(v.string()), null),
  /** 招生咨询: a name, an office or a number, as the school publishes it. */
  admissionsContact: v.optional(v.nullable(v.string()), null),
  intro: v.optional(v.nullable(v.string()), null),
  source: SourceSchema,
  retiredAt: RetiredAtSchema,
  ...EditFields,
});
export type School = v.InferOutput<typeof SchoolSchema>;
/** A school as the seed or an editor writes it: what the schema fills in may be left out. */
export type SchoolEntry = v.InferInput<typeof SchoolSchema>;

/** 在招: enrolling now; 拟开设: the plan or the school intends it; 停招: no longer enrolling (its page still answers). */
export const MAJOR_STATUSES = ['enrolling', 'planned', 'suspended'] as const;
export type MajorStatus = (typeof MAJOR_STATUSES)[number];
export const MAJOR_STATUS_LABELS: Record<MajorStatus, string> = {
  enrolling: '在招',
  planned: '拟开设',
  suspended: '停招',
};

export const MajorSchema = v.object({
  id: v.string(),
  name: v.string(),
  level: LevelSchema,
  status: v.optional(v.picklist(MAJOR_STATUSES), 'enrolling'),
  /** 学制: years of study, where the school or the national catalogue says. */
  years: v.optional(v.nullable(v.number()), null),
  schoolId: v.string(),
  group: v.picklist(MAJOR_GROUPS),
  /** The national catalogue's code, only where verified. */
  code: v.nullable(v.string()),
  catalogueVersion: v.optional(v.nullable(v.string()), '2021'),
  /** 招生计划: places offered, by year of entry. */
  intake: v.optional(v.array(v.object({ year: v.number(), places: v.number() })), []),
  /** 学费, as the school publishes it (e.g. "每年 3500 元"); null until published. */
  tuition: v.optional(v.nullable(v.string()), null),
  /** 资助: grants and fee waivers that apply. */
  aid: v.optional(v.nullable(v.string()), null),
  summary: v.string(),
  careers: v.array(v.string()),
  partnerCompanies: v.array(v.string()),
  certificateIds: IdListSchema,
  source: SourceSchema,
  retiredAt: RetiredAtSchema,
  ...EditFields,
});
export type MajorRecord = v.InferOutput<typeof MajorSchema>;
export type MajorEntry = v.InferInput<typeof MajorSchema>;

/**
 * A major as the API answers it. `field` and `partners` are the names the editing contract uses for `group`
 * and `partnerCompanies`; both spellings answer, so clients of either keep working.
 */
export const MajorViewSchema = v.object({
  ...MajorSchema.entries,
  field: v.picklist(MAJOR_GROUPS),
  partners: v.array(v.string()),
});
export type Major = v.InferOutput<typeof MajorViewSchema>;

export const CERTIFICATE_LEVELS = ['初级', '中级', '高级'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];

export const CertificateSchema = v.object({
  id: v.string(),
  name: v.string(),
  /** 培训评价组织. */
  issuer: v.string(),
  levels: v.array(v.picklist(CERTIFICATE_LEVELS)),
  summary: v.string(),
  majorIds: IdListSchema,
  schoolIds: IdListSchema,
  source: SourceSchema,
  retiredAt: RetiredAtSchema,
  ...EditFields,
});
export type Certificate = v.InferOutput<typeof CertificateSchema>;
export type CertificateEntry = v.InferInput<typeof CertificateSchema>;

/** A school's page: the school and what it offers. */
export const SchoolDetailSchema = v.object({ ...SchoolSchema.entries, majorIds: IdListSchema });
export type SchoolDetail = v.InferOutput<typeof SchoolDetailSchema>;

export const MajorDetailSchema = v.object({
  ...MajorViewSchema.entries,
  school: SchoolSchema,
  certificates: v.array(v.pick(CertificateSchema, ['id', 'name', 'issuer', 'levels'])),
});
export type MajorDetail = v.InferOutput<typeof MajorDetailSchema>;

export const CertificateDetailSchema = v.object({
  ...CertificateSchema.entries,
  majors: v.array(v.pick(MajorSchema, ['id', 'name', 'level', 'schoolId'])),
  schools: v.array(v.pick(SchoolSchema, ['id', 'name', 'county'])),
});
export type CertificateDetail = v.InferOutput<typeof CertificateDetailSchema>;

export const SchoolListQuerySchema = v.strictObject(
  {
    county: v.optional(CountySchema),
    kind: v.optional(v.picklist(SCHOOL_KINDS, '学校类型不正确')),
    /** Words in the name, short name, county or direction (the search page looks for schools too). */
    q: v.optional(SearchTextSchema),
  },
  '不支持的查询条件',
);

/** A school in the directory: with how many of its majors enrol now (在招). */
export const SchoolListItemSchema = v.object({
  ...SchoolSchema.entries,
  enrollingMajors: v.number(),
});
export type SchoolListItem = v.InferOutput<typeof SchoolListItemSchema>;

export const MajorListQuerySchema = v.strictObject(
  {
    schoolId: v.optional(IdSchema),
    level: v.optional(v.picklist(LEVELS, '层次应为 中职、高职专科 或 职业本科')),
    group: v.optional(v.picklist(MAJOR_GROUPS, '没有这个专业方向')),
    q: v.optional(SearchTextSchema),
    cursor: v.optional(CursorSchema),
    limit: v.optional(LimitSchema),
  },
  '不支持的查询条件',
);
export type MajorListQuery = v.InferOutput<typeof MajorListQuerySchema>;

export const CertificateListQuerySchema = v.strictObject(
  {
    q: v.optional(SearchTextSchema),
    majorId: v.optional(IdSchema),
    cursor: v.optional(CursorSchema),
    limit: v.optional(LimitSchema),
  },
  '不支持的查询条件',
);
export type CertificateListQuery = v.InferOutput<typeof CertificateListQuerySchema>;

// ---- Editing: what the bureau and the schools send. Each field's rule is declared once, here. ----

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

/** A Siping major that teaches a linked catalogue major, with its school and status. */
const PathwayMajorSchema = v.object({
  id: v.string(),
  name: v.string(),
  level: v.picklist(LEVELS),
  status: v.picklist(MAJOR_STATUSES),
  school: v.object({ id: v.string(), name: v.string(), county: v.nullable(CountySchema) }),
});

/**
 * One step of a pathway: a major of the national catalogue (by its 2021 name and level), where the catalogue (or
 * the source) links it to this one, and the Siping majors that teach it (none is an answer too).
 */
export const PathwayLinkSchema = v.object({
  level: v.picklist(LEVELS),
  name: v.string(),
  /** The 2021 catalogue's code and 专业类, where verified. */
  code: v.nullable(v.string()),
  majorClass: v.nullable(v.string()),
  source: v.string(),
  majors: v.array(PathwayMajorSchema),
});

/** A route a student takes between levels (职教高考, 中高职贯通, 专升本, 职业本科), in one sentence, with its source. */
export const PathwayRouteSchema = v.object({
  id: v.string(),
  name: v.string(),
  summary: v.string(),
  source: v.string(),
});

/** GET /majors/{id}/pathway: what leads to this major, where it leads, and how. */
export const PathwaySchema = v.object({
  major: v.object({ id: v.string(), name: v.string(), level: v.picklist(LEVELS) }),
  from: v.array(PathwayLinkSchema),
  to: v.array(PathwayLinkSchema),
  routes: v.array(PathwayRouteSchema),
  /** Said instead of guessing when no link of this major is verified. */
  note: v.nullable(v.string()),
});
export type Pathway = v.InferOutput<typeof PathwaySchema>;
