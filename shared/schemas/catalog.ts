import * as v from 'valibot';
import { CountySchema, CursorSchema, IdSchema, LimitSchema, SearchTextSchema } from './common';

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
