import * as v from 'valibot';
import { CountySchema, IdSchema, plainText } from './common';
import { ActivitySchema, type ActivityKind } from './activity';
import { currentYearInZone } from '../time';

/**
 * `applied`: a lottery application before the draw; `offered`: a freed seat held for a waitlisted person
 * until they accept or the offer expires (`expired`).
 */
export const SIGNUP_STATUSES = [
  'confirmed',
  'waitlisted',
  'applied',
  'offered',
  'cancelled',
  'expired',
] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  confirmed: '报名成功',
  waitlisted: '候补中',
  applied: '已申请，等待摇号',
  offered: '候补到位，请确认参加',
  cancelled: '已取消',
  expired: '未在时限内确认',
};

/** Mainland China mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export const NameSchema = v.pipe(
  plainText('姓名', 1, 20),
  v.regex(/^[\p{L}\p{M}·• .]+$/u, '姓名只能包含文字和间隔号“·”'),
);

export const PhoneSchema = v.pipe(
  v.string('请填写手机号'),
  v.trim(),
  v.nonEmpty('请填写手机号'),
  v.regex(MOBILE_PATTERN, '请填写 11 位手机号，例如 13800138000'),
);

export const BirthYearSchema = v.pipe(
  v.number('出生年份应为 4 位数字'),
  v.integer('出生年份应为 4 位数字'),
  v.check((y) => y >= currentYearInZone() - 110, '出生年份不太对，请检查'),
  v.check((y) => y <= currentYearInZone() - 3, '出生年份不太对，请检查'),
);

export const VillageSchema = plainText('所在村屯', 1, 30);

export const RELATIONS = [
  '本人',
  '父亲',
  '母亲',
  '配偶',
  '祖父',
  '祖母',
  '外祖父',
  '外祖母',
  '子女',
  '其他亲属',
  '村民',
] as const;
export const RelationSchema = v.picklist(RELATIONS, '请选择与您的关系');

export const AttendeeSchema = v.strictObject(
  {
    name: NameSchema,
    phone: PhoneSchema,
    birthYear: v.optional(BirthYearSchema),
    village: v.optional(VillageSchema),
    /** Whose sign-up this is, from the account holder's side (本人, 母亲 …). */
    relation: v.optional(RelationSchema),
    /** Where the attendee lives, for 限本县居民 activities. */
    residence: v.optional(CountySchema),
    /** 需家属同意: a family member agrees, for attendees past the activity's consent age. */
    familyConsent: v.optional(v.boolean('请确认家属是否同意')),
  },
  '参加人信息包含不支持的字段',
);
export type Attendee = v.InferOutput<typeof AttendeeSchema>;

/**
 * Who an attendee is, for one-seat-per-person: the same name and phone is the same person, however the name
 * is typed (spaces, 间隔号, full-width forms). The server keys seats by its hash; forms warn of repeats.
 */
export function personIdentity(attendee: Pick<Attendee, 'name' | 'phone'>): string {
  return `${attendee.name.normalize('NFKC').replace(/[\s·•.]/g, '')}|${attendee.phone.trim()}`;
}

export const SignupCreateInputSchema = v.strictObject(
  {
    activityId: IdSchema,
    attendee: AttendeeSchema,
  },
  '报名信息包含不支持的字段',
);
export type SignupCreateInput = v.InferOutput<typeof SignupCreateInputSchema>;

/** Which optional attendee fields an activity kind requires: the form asks for them, the server insists. */
export function requiredAttendeeFields(kind: ActivityKind): Array<'birthYear' | 'village'> {
  if (kind === 'senior') return ['birthYear'];
  if (kind === 'outreach') return ['village'];
  return [];
}

export const REQUIRED_FIELD_MESSAGES = {
  birthYear: '老年大学报名需要填写出生年份',
  village: '送教下乡报名需要填写所在村屯',
} as const;

/** An attendee as stored and answered: checked on the way in by AttendeeSchema, read back as it was kept. */
const StoredAttendeeSchema = v.object({
  name: v.string(),
  phone: v.string(),
  birthYear: v.optional(v.number()),
  village: v.optional(v.string()),
  relation: v.optional(v.picklist(RELATIONS)),
  residence: v.optional(CountySchema),
  familyConsent: v.optional(v.boolean()),
});

/** What the table keeps of a sign-up; the API's view (SignupSchema) is derived from it. */
export const SignupRecordSchema = v.object({
  id: v.string(),
  activityId: v.string(),
  userId: v.string(),
  status: v.picklist(SIGNUP_STATUSES),
  attendee: StoredAttendeeSchema,
  createdAt: v.string(),
  updatedAt: v.string(),
  cancelledAt: v.optional(v.string()),
  /** Set once the attendee has earned the activity's completion record. */
  completionCode: v.optional(v.string()),
  checkInCount: v.optional(v.number()),
  /** Orders the waitlist: the sign-up id (time of joining), or the drawn position after a lottery. */
  waitlistRank: v.optional(v.string()),
  /** Until when an offered seat is held. */
  offerExpiresAt: v.optional(v.string()),
  /** When a waitlisted person moved up (they are told once). */
  promotedAt: v.optional(v.string()),
  /** When a lottery decided this application. */
  drawnAt: v.optional(v.string()),
  /** 现场报名: recorded by staff on the day for someone who turned up without signing up. */
  walkIn: v.optional(v.boolean()),
});
export type SignupRecord = v.InferOutput<typeof SignupRecordSchema>;

export const SignupSchema = v.object({
  ...v.pick(SignupRecordSchema, [
    'id',
    'activityId',
    'userId',
    'status',
    'attendee',
    'createdAt',
    'updatedAt',
    'cancelledAt',
    'offerExpiresAt',
    'walkIn',
  ]).entries,
  /** 1 for the next person to get a seat; only while waitlisted. */
  waitlistPosition: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
export type Signup = v.InferOutput<typeof SignupSchema>;

/** A sign-up as `GET /signups/mine` lists it: with what the list card needs of its activity. */
export const SignupWithActivitySchema = v.object({
  ...SignupSchema.entries,
  activity: v.object({
    ...v.pick(ActivitySchema, ['title', 'kind', 'startsAt', 'endsAt', 'place', 'cancelReason']).entries,
    /** `scheduled`; `cancelled` with the school's reason; `deleted` when the activity is gone. */
    status: v.picklist(['scheduled', 'cancelled', 'deleted']),
  }),
  /** 续报: the next term of this activity, while its sign-up has not closed. */
  nextActivityId: v.optional(v.string()),
});
export type SignupWithActivity = v.InferOutput<typeof SignupWithActivitySchema>;

export const IdempotencyKeySchema = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'Idempotency-Key 应为 8–64 位字母、数字、- 或 _'),
);

/** The most people one group sign-up (团体报名) may carry; a longer list goes in several batches. */
export const SIGNUP_BATCH_MAX = 50;

export const SignupBatchInputSchema = v.strictObject(
  {
    activityId: IdSchema,
    attendees: v.pipe(
      v.array(v.unknown(), '请提供参加人名单'),
      v.minLength(1, '名单里至少要有 1 人'),
      v.maxLength(SIGNUP_BATCH_MAX, `一次最多报名 ${SIGNUP_BATCH_MAX} 人，请分批提交`),
    ),
  },
  '报名信息包含不支持的字段',
);

export const FamilyMemberInputSchema = v.strictObject(
  {
    name: NameSchema,
    phone: PhoneSchema,
    birthYear: v.optional(BirthYearSchema),
    relation: RelationSchema,
    residence: v.optional(CountySchema),
    village: v.optional(VillageSchema),
  },
  '家庭成员信息包含不支持的字段',
);
export type FamilyMemberInput = v.InferOutput<typeof FamilyMemberInputSchema>;

export const FamilyMemberSchema = v.object({
  ...v.omit(StoredAttendeeSchema, ['familyConsent']).entries,
  relation: v.picklist(RELATIONS),
  id: v.string(),
  createdAt: v.string(),
});
export type FamilyMember = v.InferOutput<typeof FamilyMemberSchema>;

/** Eligibility rules an attendee can fail, named in NOT_ELIGIBLE's `rule`. */
export const ELIGIBILITY_RULES = ['minAge', 'maxAge', 'familyConsent', 'residentsOnly', 'birthYear'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/** POST /staff/activities/{id}/walk-ins: 现场报名, someone who turned up without signing up. */
export const WalkInInputSchema = v.strictObject(
  {
    attendee: v.strictObject(
      {
        name: AttendeeSchema.entries.name,
        phone: AttendeeSchema.entries.phone,
        birthYear: AttendeeSchema.entries.birthYear,
        village: AttendeeSchema.entries.village,
      },
      '参加人信息包含不支持的字段',
    ),
  },
  '现场报名请求包含不支持的字段',
);
export type WalkInInput = v.InferOutput<typeof WalkInInputSchema>;
