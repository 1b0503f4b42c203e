import * as v from 'valibot';
import {
  CountySchema,
  CursorSchema,
  IdSchema,
  IsoInstantSchema,
  LimitSchema,
  SearchTextSchema,
  plainText,
} from './common';
import { dayjs, isCalendarDate } from '../time';
import { DEFAULT_COMPLETION_THRESHOLD } from './staff';

export const ACTIVITY_KINDS = ['outreach', 'senior', 'training', 'community'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  outreach: '送教下乡',
  senior: '老年大学',
  training: '职业技能培训',
  community: '社区教育',
};

export const ENROLMENT_MODES = ['first-come', 'lottery'] as const;
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];
export const WAITLIST_MODES = ['auto', 'offer'] as const;
export type WaitlistMode = (typeof WAITLIST_MODES)[number];

export const ACTIVITY_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Stored and answered shapes are read leniently: the input schemas below are where strictness lives. */
const StoredPlaceSchema = v.object({
  township: v.string(),
  village: v.optional(v.string()),
  address: v.string(),
  latitude: v.optional(v.number()),
  longitude: v.optional(v.number()),
});
export type Place = v.InferOutput<typeof StoredPlaceSchema>;

/**
 * One class of an activity. Its index in `sessions` is its identity (check-ins, messages and the session route
 * name it), so a session is never removed or reordered: 停课 keeps it in the list, marked `cancelled` (absent
 * reads as false), and reminders, check-in and the attendance rule pass over it.
 */
const SessionSchema = v.object({
  startsAt: v.string(),
  endsAt: v.string(),
  cancelled: v.optional(v.boolean()),
  cancelReason: v.optional(v.string()),
  /** Where this class is held when it is not the activity's place (PATCH …/sessions/{index} moved it). */
  place: v.optional(StoredPlaceSchema),
});
export type Session = v.InferOutput<typeof SessionSchema>;

export const CHANGE_ASPECTS = ['time', 'place', 'cancelled'] as const;

/**
 * A change staff made that the people signed up are told of (domain/activities/sessions.ts): its number in the
 * activity's sequence, the session it is about (0-based; null for the activity as a whole) and what changed.
 * Each change is one message per person, whose outbox id names the session and the number.
 */
const ChangeSchema = v.object({
  seq: v.number(),
  session: v.nullable(v.number()),
  what: v.array(v.picklist(CHANGE_ASPECTS)),
  at: v.string(),
});
export type ActivityChange = v.InferOutput<typeof ChangeSchema>;

/** A value older items lack reads as `fallback`. */
const nullableOr = <S extends v.GenericSchema>(schema: S) => v.optional(v.nullable(schema), null);

/**
 * What the table keeps of an activity. Fields added after launch have defaults, so an older item reads as
 * if it had been written today; the API's view (ActivitySchema) is derived from it.
 */
export const ActivityRecordSchema = v.object({
  id: v.string(),
  kind: v.picklist(ACTIVITY_KINDS),
  title: v.string(),
  description: v.optional(v.string(), ''),
  schoolId: v.string(),
  county: CountySchema,
  place: StoredPlaceSchema,
  startsAt: v.string(),
  endsAt: v.string(),
  sessions: v.array(SessionSchema),
  capacity: v.number(),
  confirmedCount: v.number(),
  waitlistCount: v.number(),
  signupOpensAt: v.string(),
  signupClosesAt: v.string(),
  cancelled: v.optional(v.boolean(), false),
  cancelReason: nullableOr(v.string()),
  /** Check-ins recorded across all sessions. */
  checkInCount: v.optional(v.number(), 0),
  /** Share of sessions needed for a completion record. */
  completionThreshold: v.optional(v.number(), DEFAULT_COMPLETION_THRESHOLD),
  enrolment: v.optional(v.picklist(ENROLMENT_MODES), 'first-come'),
  drawAt: nullableOr(v.string()),
  /** The lottery's secret until the draw; never shown before it. */
  lotterySeed: nullableOr(v.string()),
  drawCommitment: nullableOr(v.string()),
  drawnAt: nullableOr(v.string()),
  /** Sign-up ids in drawn order, kept so anyone can check the published order. */
  drawOrder: v.optional(v.array(v.string()), () => []),
  minAge: nullableOr(v.number()),
  maxAge: nullableOr(v.number()),
  consentAboveAge: nullableOr(v.number()),
  residentsOnly: v.optional(v.boolean(), false),
  term: nullableOr(v.string()),
  termLimit: nullableOr(v.number()),
  cancelDeadlineHours: nullableOr(v.number()),
  waitlist: v.optional(v.picklist(WAITLIST_MODES), 'auto'),
  offerHours: nullableOr(v.number()),
  certificateId: nullableOr(v.string()),
  certificateLevel: nullableOr(v.string()),
  /**
   * When the scheduled worker next has something to do for it (functions/domain/activities/agenda.ts); null once nothing
   * is left, absent only on items stored before the agenda existed. While set, the worker's agenda lists it.
   */
  wakeAt: v.optional(v.nullable(v.string())),
  /** The number of the last change the people signed up are owed a message about (0: none yet). */
  changeSeq: v.optional(v.number(), 0),
  /** The changes, oldest first (the last MAX_KEPT_CHANGES); the worker has queued the messages of those up to noticedSeq. */
  changes: v.optional(v.array(ChangeSchema), () => []),
  noticedSeq: v.optional(v.number(), 0),
  sample: v.optional(v.boolean(), false),
  /** 下一期: the term this one was copied from, and the one copied from it (see POST …/copy). */
  previousId: nullableOr(v.string()),
  nextActivityId: nullableOr(v.string()),
  createdAt: v.string(),
  updatedAt: v.string(),
  createdBy: v.optional(v.string(), ''),
});
export type ActivityRecord = v.InferOutput<typeof ActivityRecordSchema>;

/** The activity as the API answers it: the record without its counters and secrets, with what they mean. */
export const ActivitySchema = v.object({
  ...v.omit(ActivityRecordSchema, [
    'confirmedCount',
    'waitlistCount',
    'cancelled',
    'lotterySeed',
    'drawOrder',
    'wakeAt',
    'changeSeq',
    'changes',
    'noticedSeq',
    'createdBy',
  ]).entries,
  seatsLeft: v.number(),
  waitlistLength: v.number(),
  status: v.picklist(ACTIVITY_STATUSES),
  /** With `near`: how far its map point is, in kilometres (absent when it has none). */
  distanceKm: v.optional(v.number()),
});
export type Activity = v.InferOutput<typeof ActivitySchema>;

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

const AgeSchema = v.pipe(
  v.number('年龄应为数字'),
  v.integer('年龄应为整数'),
  v.minValue(0, '年龄不正确'),
  v.maxValue(120, '年龄不正确'),
);
const HoursSchema = (label: string, max: number) =>
  v.pipe(
    v.number(`${label}应为数字`),
    v.integer(`${label}应为整数`),
    v.minValue(1, `${label}至少为 1`),
    v.maxValue(max, `${label}不能超过 ${max}`),
  );

/** The programme rules an activity may set (docs/rules.md explains each to staff). */
const RULE_FIELDS = {
  enrolment: v.optional(v.picklist(ENROLMENT_MODES, '报名方式应为 first-come 或 lottery')),
  drawAt: v.optional(IsoInstantSchema),
  minAge: v.optional(AgeSchema),
  maxAge: v.optional(AgeSchema),
  consentAboveAge: v.optional(AgeSchema),
  residentsOnly: v.optional(v.boolean('“限本县居民”应为是或否')),
  term: v.optional(v.pipe(plainText('学期', 2, 20))),
  termLimit: v.optional(HoursSchema('每学期限报门数', 20)),
  cancelDeadlineHours: v.optional(HoursSchema('取消截止小时数', 24 * 30)),
  waitlist: v.optional(v.picklist(WAITLIST_MODES, '候补方式应为 auto 或 offer')),
  offerHours: v.optional(HoursSchema('候补确认时限', 24 * 7)),
  certificateId: v.optional(IdSchema),
  certificateLevel: v.optional(v.picklist(['初级', '中级', '高级'], '证书等级应为 初级、中级 或 高级')),
};

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
    ...RULE_FIELDS,
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
  v.forward(
    v.check(
      (a) => a.minAge === undefined || a.maxAge === undefined || a.minAge <= a.maxAge,
      '最小年龄不能大于最大年龄',
    ),
    ['maxAge'],
  ),
  v.forward(
    v.check(
      (a) => !a.drawAt || (!isAfter(a.signupClosesAt, a.drawAt) && !isAfter(a.drawAt, a.startsAt)),
      '摇号时间应在报名截止之后、活动开始之前',
    ),
    ['drawAt'],
  ),
  v.forward(
    v.check((a) => a.enrolment === 'lottery' || a.drawAt === undefined, '只有摇号报名的活动才能设置摇号时间'),
    ['drawAt'],
  ),
  v.forward(
    v.check((a) => (a.termLimit === undefined) === (a.term === undefined), '每学期限报门数和学期要一起填写'),
    ['termLimit'],
  ),
  v.forward(
    v.check((a) => !a.certificateLevel || !!a.certificateId, '填写证书等级时要选择证书'),
    ['certificateLevel'],
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

/** The session route's `{index}`: 0-based, as `sessions` and the attendance rows count (第N次课 is index + 1). */
export const SessionIndexSchema = v.pipe(v.string(), v.regex(/^(0|[1-9]\d{0,2})$/, '课次应为 0 起的整数'));

/**
 * PATCH /staff/activities/{id}/sessions/{index}: move one class (its times, its place), or 停课 with a reason.
 * Everyone signed up is told what changed.
 */
export const SessionPatchInputSchema = v.pipe(
  v.strictObject(
    {
      startsAt: v.optional(IsoInstantSchema),
      endsAt: v.optional(IsoInstantSchema),
      place: v.optional(PlaceSchema),
      cancelled: v.optional(v.literal(true, '“停课”只能填 true（停课后不能恢复）')),
      reason: v.optional(plainText('停课原因', 2, 200)),
    },
    '包含不能修改的字段',
  ),
  v.check((p) => Object.keys(p).length > 0, '没有要修改的内容'),
  v.forward(
    v.check((p) => !p.cancelled || !!p.reason, '请填写停课原因，它会发给已报名的人'),
    ['reason'],
  ),
  v.forward(
    v.check((p) => !!p.cancelled || p.reason === undefined, '只有停课时才填写停课原因'),
    ['reason'],
  ),
  v.forward(
    v.check((p) => !p.cancelled || (!p.startsAt && !p.endsAt && !p.place), '停课时不能同时修改时间或地点'),
    ['cancelled'],
  ),
  v.forward(
    v.check((p) => !p.startsAt || !p.endsAt || isAfter(p.endsAt, p.startsAt), '结束时间应晚于开始时间'),
    ['endsAt'],
  ),
);
export type SessionPatchInput = v.InferOutput<typeof SessionPatchInputSchema>;

/** `near=43.17,124.35`: latitude then longitude, as WeChat's fuzzy location gives them. */
const NearSchema = v.pipe(
  v.string(),
  v.regex(/^-?\d{1,2}(\.\d{1,8})?,-?\d{1,3}(\.\d{1,8})?$/, '位置格式应为 纬度,经度，如 43.17,124.35'),
  v.transform((s) => {
    const [lat, lng] = s.split(',').map(Number) as [number, number];
    return { lat, lng };
  }),
  v.check((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180, '位置超出范围'),
);

export const ActivityListQuerySchema = v.pipe(
  v.strictObject(
    {
      kind: v.optional(v.picklist(ACTIVITY_KINDS, '活动类型应为 outreach、senior、training 或 community')),
      county: v.optional(CountySchema),
      schoolId: v.optional(IdSchema),
      from: v.optional(IsoInstantSchema),
      to: v.optional(IsoInstantSchema),
      q: v.optional(SearchTextSchema),
      certificateId: v.optional(IdSchema),
      /** 乡镇（街道）: exactly as activities name it (the app offers the ones in use). */
      township: v.optional(plainText('乡镇（街道）', 1, 30)),
      /** 离我最近: the caller's rough position; activities with a map point come first, nearest first. */
      near: v.optional(NearSchema),
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

/**
 * POST /staff/activities/{id}/copy: the next term of an activity, with the same content, school and rules. A
 * weekly term's classes follow the new first class (its weekday and times) to the last one's date.
 */
export const ActivityCopyInputSchema = v.pipe(
  v.strictObject(
    {
      startsAt: IsoInstantSchema,
      endsAt: IsoInstantSchema,
      signupOpensAt: IsoInstantSchema,
      signupClosesAt: IsoInstantSchema,
      skipDates: v.optional(v.pipe(v.array(DateSchema), v.maxLength(52, '停课日期最多 52 个'))),
      /** The new term's name (e.g. 2027春季); by default from the first class's date. */
      term: v.optional(plainText('学期', 2, 20)),
    },
    '包含不支持的字段',
  ),
  v.forward(
    v.check((a) => isAfter(a.endsAt, a.startsAt), '结束时间应晚于开始时间'),
    ['endsAt'],
  ),
  v.forward(
    v.check((a) => isAfter(a.signupClosesAt, a.signupOpensAt), '报名截止时间应晚于报名开始时间'),
    ['signupClosesAt'],
  ),
);
export type ActivityCopyInput = v.InferOutput<typeof ActivityCopyInputSchema>;
