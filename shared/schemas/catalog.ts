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

export const SchoolSchema = v.object({
  id: v.string(),
  name: v.string(),
  shortName: v.string(),
  kind: v.picklist(SCHOOL_KINDS),
  county: v.nullable(CountySchema),
  inPark: v.boolean(),
  levels: v.array(LevelSchema),
  direction: v.string(),
  phone: v.nullable(v.string()),
  address: v.nullable(v.string()),
  location: v.nullable(v.object({ latitude: v.number(), longitude: v.number() })),
  source: SourceSchema,
  retiredAt: RetiredAtSchema,
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
  catalogueVersion: v.literal('2021'),
  summary: v.string(),
  careers: v.array(v.string()),
  partnerCompanies: v.array(v.string()),
  certificateIds: IdListSchema,
  source: SourceSchema,
  retiredAt: RetiredAtSchema,
});
export type Major = v.InferOutput<typeof MajorSchema>;
export type MajorEntry = v.InferInput<typeof MajorSchema>;

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
});
export type Certificate = v.InferOutput<typeof CertificateSchema>;
export type CertificateEntry = v.InferInput<typeof CertificateSchema>;

/** A school's page: the school and what it offers. */
export const SchoolDetailSchema = v.object({ ...SchoolSchema.entries, majorIds: IdListSchema });
export type SchoolDetail = v.InferOutput<typeof SchoolDetailSchema>;

export const MajorDetailSchema = v.object({
  ...MajorSchema.entries,
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
  },
  '不支持的查询条件',
);

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
