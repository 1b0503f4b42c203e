import * as v from 'valibot';
import { CountySchema, CursorSchema, IdSchema, LimitSchema, SearchTextSchema } from './common';
import type { County } from './common';

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

export interface School {
  id: string;
  name: string;
  shortName: string;
  kind: SchoolKind;
  /** null for city-level schools whose district the plan does not give. */
  county: County | null;
  /** In the 四平现代职业教育园区 the plan builds around 四平职业大学. */
  inPark: boolean;
  levels: Level[];
  /** What the plan says this school should develop. */
  direction: string;
  /** Public contact details: null until a school gives them; never invented. */
  phone: string | null;
  address: string | null;
  location: { latitude: number; longitude: number } | null;
  /** Where the facts come from. */
  source: string;
}

export interface Major {
  id: string;
  name: string;
  level: Level;
  schoolId: string;
  group: MajorGroup;
  /** National catalogue code, only where verified; otherwise null. */
  code: string | null;
  catalogueVersion: '2021';
  /** What a student learns. */
  summary: string;
  careers: string[];
  partnerCompanies: string[];
  certificateIds: string[];
  source: string;
}

export const CERTIFICATE_LEVELS = ['初级', '中级', '高级'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];

export interface Certificate {
  id: string;
  name: string;
  /** 培训评价组织 */
  issuer: string;
  levels: CertificateLevel[];
  summary: string;
  majorIds: string[];
  /** Schools that train or examine for it. */
  schoolIds: string[];
  source: string;
}

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
