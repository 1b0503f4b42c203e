import * as v from 'valibot';
import {
  CountySchema,
  CursorSchema,
  IdSchema,
  IsoInstantSchema,
  LimitSchema,
  SearchTextSchema,
  plainText,
  type County,
} from './common';
import { dayjs, isCalendarDate } from '../time';

export const ACTIVITY_KINDS = ['outreach', 'senior', 'training', 'community'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  outreach: '送教下乡',
  senior: '老年大学',
  training: '职业技能培训',
  community: '社区教育',
};

export const ACTIVITY_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export interface Place {
  township: string;
  village?: string;
  address: string;
  latitude?: number;
  longitude?: number;
}

export interface Session {
  startsAt: string;
  endsAt: string;
}

export interface Activity {
  id: string;
  kind: ActivityKind;
  title: string;
  description: string;
  schoolId: string;
  county: County;
  place: Place;
  startsAt: string;
  endsAt: string;
  /** One entry for a single event; every week's class for a term. */
  sessions: Session[];
  capacity: number;
  seatsLeft: number;
  waitlistLength: number;
  signupOpensAt: string;
  signupClosesAt: string;
  status: ActivityStatus;
  cancelReason: string | null;
  checkInCount: number;
  /** Share of sessions an attendee must attend for a completion record (0–1). */
  completionThreshold: number;
  /** Invented example data, not a real announcement. */
  sample: boolean;
  createdAt: string;
  updatedAt: string;
}

const PlaceSchema = v.strictObject(
  {
    township: plainText('乡镇（街道）', 1, 30),
    village: v.optional(plainText('村屯（社区）', 1, 30)),
    address: plainText('详细地址', 1, 100),
    latitude: v.optional(v.pipe(v.number('纬度应为数字'), v.minValue(-90), v.maxValue(90))),
    longitude: v.optional(v.pipe(v.number('经度应为数字'), v.minValue(-180), v.maxValue(180))),
  },
  '地点信息不完整',
);

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DateSchema = v.pipe(
  v.string('请填写日期'),
  v.regex(DATE, '日期格式应为 2026-12-20'),
  v.check(isCalendarDate, '日期不存在'),
);

/** A term of weekly classes: the sessions are derived from it, never typed in one by one. */
export const WeeklyScheduleSchema = v.pipe(
  v.strictObject({
    weekday: v.pipe(v.number('请选择星期几'), v.integer(), v.minValue(1), v.maxValue(7)),
    startTime: v.pipe(v.string(), v.regex(TIME_OF_DAY, '开始时间格式应为 09:00')),
    endTime: v.pipe(v.string(), v.regex(TIME_OF_DAY, '结束时间格式应为 11:00')),
    firstDate: DateSchema,
    lastDate: DateSchema,
    skipDates: v.optional(v.pipe(v.array(DateSchema), v.maxLength(52)), []),
  }),
  v.forward(
    v.check((s) => s.endTime > s.startTime, '结束时间应晚于开始时间'),
    ['endTime'],
  ),
  v.forward(
    v.check((s) => s.lastDate >= s.firstDate, '最后一次课应不早于第一次课'),
    ['lastDate'],
  ),
);
export type WeeklySchedule = v.InferOutput<typeof WeeklyScheduleSchema>;

const CapacitySchema = v.pipe(
  v.number('名额应为数字'),
  v.integer('名额应为整数'),
  v.minValue(1, '名额至少为 1'),
  v.maxValue(5000, '名额不能超过 5000'),
);

const CompletionThresholdSchema = v.pipe(
  v.number('结业出勤比例应为 0.1–1 之间的数字'),
  v.minValue(0.1, '结业出勤比例应为 0.1–1 之间的数字'),
  v.maxValue(1, '结业出勤比例应为 0.1–1 之间的数字'),
);

const ActivityFieldsSchema = v.strictObject(
  {
    kind: v.picklist(ACTIVITY_KINDS, '请选择活动类型'),
    title: plainText('活动名称', 2, 60),
    description: v.optional(plainText('活动介绍', 0, 2000), ''),
    schoolId: IdSchema,
    county: CountySchema,
    place: PlaceSchema,
    startsAt: IsoInstantSchema,
    endsAt: IsoInstantSchema,
    schedule: v.optional(WeeklyScheduleSchema),
    capacity: CapacitySchema,
    signupOpensAt: IsoInstantSchema,
    signupClosesAt: IsoInstantSchema,
    completionThreshold: v.optional(CompletionThresholdSchema),
  },
  '包含不支持的字段',
);

const isAfter = (a: string, b: string) => dayjs(a).valueOf() > dayjs(b).valueOf();

export const ActivityCreateInputSchema = v.pipe(
  ActivityFieldsSchema,
  v.forward(
    v.check((a) => isAfter(a.endsAt, a.startsAt), '结束时间应晚于开始时间'),
    ['endsAt'],
  ),
  v.forward(
    v.check((a) => isAfter(a.signupClosesAt, a.signupOpensAt), '报名截止时间应晚于报名开始时间'),
    ['signupClosesAt'],
  ),
  v.forward(
    v.check((a) => !isAfter(a.signupClosesAt, a.endsAt), '报名截止时间不能晚于活动结束时间'),
    ['signupClosesAt'],
  ),
);
export type ActivityCreateInput = v.InferOutput<typeof ActivityCreateInputSchema>;

/** What staff may change after publishing; kind and school stay fixed. */
export const ActivityPatchInputSchema = v.pipe(
  v.strictObject(
    {
      title: v.optional(plainText('活动名称', 2, 60)),
      description: v.optional(plainText('活动介绍', 0, 2000)),
      place: v.optional(PlaceSchema),
      startsAt: v.optional(IsoInstantSchema),
      endsAt: v.optional(IsoInstantSchema),
      capacity: v.optional(CapacitySchema),
      signupOpensAt: v.optional(IsoInstantSchema),
      signupClosesAt: v.optional(IsoInstantSchema),
      completionThreshold: v.optional(CompletionThresholdSchema),
    },
    '包含不能修改的字段',
  ),
  v.check((p) => Object.keys(p).length > 0, '没有要修改的内容'),
);
export type ActivityPatchInput = v.InferOutput<typeof ActivityPatchInputSchema>;

export const ActivityListQuerySchema = v.pipe(
  v.strictObject(
    {
      kind: v.optional(v.picklist(ACTIVITY_KINDS, '活动类型应为 outreach、senior、training 或 community')),
      county: v.optional(CountySchema),
      schoolId: v.optional(IdSchema),
      from: v.optional(IsoInstantSchema),
      to: v.optional(IsoInstantSchema),
      q: v.optional(SearchTextSchema),
      cursor: v.optional(CursorSchema),
      limit: v.optional(LimitSchema),
    },
    '不支持的查询条件',
  ),
  v.forward(
    v.check((q) => !q.from || !q.to || !isAfter(q.from, q.to), '结束日期应不早于开始日期'),
    ['to'],
  ),
);
export type ActivityListQuery = v.InferOutput<typeof ActivityListQuerySchema>;
