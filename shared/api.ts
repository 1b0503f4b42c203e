/**
 * The shapes the functions answer with and the mini-program reads, as schemas: the route table
 * (shared/routes.ts) names them per status, and docs/openapi.yaml is generated from them.
 */
import * as v from 'valibot';
import { ActivitySchema } from './schemas/activity';
import { FieldIssueSchema, WorkbookIssueSchema } from './errors';
import { SCHOOL_ROLES } from './roles';
import type { Page } from './schemas/common';
import { FamilyMemberSchema, SignupSchema } from './schemas/signup';

export type { Page };

/**
 * `user` for everyone; `staff:<schoolId>` for a teacher of that school; `school-admin:<schoolId>` for a teacher
 * who also manages the school's people and content; `admin` for the city education bureau.
 */
export type Role = 'user' | 'admin' | `staff:${string}` | `school-admin:${string}`;
const ROLE_PATTERN = /^(user|admin|(staff|school-admin):[a-z0-9][a-z0-9-]{0,63})$/;
export const RoleSchema = v.pipe(
  v.string(),
  v.regex(ROLE_PATTERN),
  v.transform((role) => role as Role),
);

export const LoginResponseSchema = v.object({
  token: v.string(),
  userId: v.string(),
  roles: v.array(RoleSchema),
  expiresAt: v.string(),
});
export type LoginResponse = v.InferOutput<typeof LoginResponseSchema>;

/** The roster row staff see: the full phone number is shown only here. */
export const RosterEntrySchema = v.object({ ...SignupSchema.entries, checkInCount: v.number() });
export type RosterEntry = v.InferOutput<typeof RosterEntrySchema>;

const SessionRefSchema = v.object({ index: v.number(), startsAt: v.string(), endsAt: v.string() });

/** One session of an activity, as an attendee's record shows it; a cancelled one (停课) does not count. */
export const AttendanceSessionSchema = v.object({
  ...SessionRefSchema.entries,
  checkedInAt: v.nullable(v.string()),
  cancelled: v.optional(v.boolean()),
});
export type AttendanceSession = v.InferOutput<typeof AttendanceSessionSchema>;

export const AttendanceSchema = v.object({
  sessions: v.array(AttendanceSessionSchema),
  attended: v.number(),
  /** 学时: the hours of the sessions attended. */
  hours: v.number(),
  /** Share of sessions needed for a completion record (0–1). */
  threshold: v.number(),
});
export type Attendance = v.InferOutput<typeof AttendanceSchema>;

/** What anyone with the verification code can check at GET /completions/{code}. */
export const CompletionSchema = v.object({
  code: v.string(),
  attendeeName: v.string(),
  activityId: v.string(),
  activityTitle: v.string(),
  schoolId: v.string(),
  schoolName: v.string(),
  kind: v.string(),
  sessionsAttended: v.number(),
  sessionsTotal: v.number(),
  hours: v.number(),
  startsAt: v.string(),
  endsAt: v.string(),
  issuedAt: v.string(),
});
export type Completion = v.InferOutput<typeof CompletionSchema>;

/** A sign-up as its owner sees it: with the QR payload for the next session and the attendance so far. */
export const SignupDetailSchema = v.object({
  ...SignupSchema.entries,
  checkInCode: v.optional(v.string()),
  checkInSession: v.optional(SessionRefSchema),
  attendance: v.optional(AttendanceSchema),
  completion: v.optional(v.nullable(CompletionSchema)),
});
export type SignupDetail = v.InferOutput<typeof SignupDetailSchema>;

/**
 * One person of `POST /signups/batch`, in the order given: their sign-up, or why they were refused. `attendee`
 * is what the server made of the row (or the row as sent, when it did not validate).
 */
export const SignupBatchResultSchema = v.union([
  v.object({
    attendee: v.unknown(),
    status: v.picklist(['confirmed', 'waitlisted', 'applied']),
    signupId: v.string(),
    waitlistPosition: v.optional(v.number()),
  }),
  v.object({
    attendee: v.unknown(),
    error: v.object({
      code: v.string(),
      message: v.string(),
      fields: v.optional(v.array(FieldIssueSchema)),
      rule: v.optional(v.string()),
    }),
  }),
]);
export type SignupBatchResult = v.InferOutput<typeof SignupBatchResultSchema>;

export const SignupBatchResponseSchema = v.object({ results: v.array(SignupBatchResultSchema) });
export type SignupBatchResponse = v.InferOutput<typeof SignupBatchResponseSchema>;

export const CheckInResultSchema = v.object({
  signupId: v.string(),
  attendee: v.object({ name: v.string() }),
  activity: v.pick(ActivitySchema, ['id', 'title']),
  session: SessionRefSchema,
  checkedInAt: v.string(),
});
export type CheckInResult = v.InferOutput<typeof CheckInResultSchema>;

export const SchoolStatsSchema = v.object({
  schoolId: v.string(),
  schoolName: v.string(),
  county: v.nullable(v.string()),
  /** 在校生规模, as the school's staff entered it; null until they do. */
  enrolment: v.nullable(v.number()),
  /** 培训人次: check-ins at training, outreach, community and senior activities in the year. */
  headcount: v.number(),
  /** The plan's goal: 年培训人次达到在校生规模的2倍以上. */
  target: v.nullable(v.number()),
  ratioToTarget: v.nullable(v.number()),
  byKind: v.record(v.string(), v.number()),
  /** Twelve numbers, January first. */
  byMonth: v.array(v.number()),
});
export type SchoolStats = v.InferOutput<typeof SchoolStatsSchema>;

export const StatsResponseSchema = v.object({
  year: v.number(),
  schools: v.array(SchoolStatsSchema),
  counties: v.array(v.object({ county: v.string(), headcount: v.number() })),
});
export type StatsResponse = v.InferOutput<typeof StatsResponseSchema>;

export const EnrolmentSchema = v.object({ schoolId: v.string(), year: v.number(), students: v.number() });

/** Who changed what, with the state before and after: every staff write leaves one, kept as the API shows it. */
export const AuditEntrySchema = v.object({
  id: v.string(),
  at: v.string(),
  actor: v.string(),
  action: v.string(),
  target: v.string(),
  before: v.unknown(),
  after: v.unknown(),
});
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;

/** GET /activities/{id}/draw and the staff's draw: the published commitment, the seed after the draw, the order. */
export const DrawSchema = v.object({
  /** Hex SHA-256 of the seed, published before the draw. */
  commitment: v.nullable(v.string()),
  /** Revealed after the draw; null before it. */
  seed: v.nullable(v.string()),
  drawAt: v.nullable(v.string()),
  drawnAt: v.nullable(v.string()),
  /** After the draw: every applicant in drawn order, names masked. */
  order: v.array(
    v.object({
      position: v.number(),
      signupId: v.string(),
      name: v.string(),
      result: v.picklist(['confirmed', 'waitlisted', 'cancelled']),
    }),
  ),
});
export type Draw = v.InferOutput<typeof DrawSchema>;

/** The subscribe-message templates to ask for, and the grants the user has left per template. */
export const SubscriptionsSchema = v.object({
  templates: v.record(v.string(), v.string()),
  balance: v.record(v.string(), v.number()),
});

/** GET /me: who the caller is, with the short 用户编号 they can read out, and the schools they work for. */
export const MeSchema = v.object({
  userId: v.string(),
  shortId: v.string(),
  roles: v.array(RoleSchema),
  schools: v.array(
    v.object({ schoolId: v.string(), schoolName: v.string(), role: v.picklist(SCHOOL_ROLES) }),
  ),
});
export type Me = v.InferOutput<typeof MeSchema>;

/** A pending invitation as staff list it: never with its code, which only the answer that made it shows. */
export const InvitationSchema = v.object({
  id: v.string(),
  schoolId: v.string(),
  role: v.picklist(SCHOOL_ROLES),
  note: v.nullable(v.string()),
  createdBy: v.string(),
  createdAt: v.string(),
  expiresAt: v.string(),
});
export type Invitation = v.InferOutput<typeof InvitationSchema>;

export const CreatedInvitationSchema = v.object({ ...InvitationSchema.entries, code: v.string() });
export type CreatedInvitation = v.InferOutput<typeof CreatedInvitationSchema>;

export const RedeemResultSchema = v.object({
  roles: v.array(RoleSchema),
  school: v.object({ id: v.string(), name: v.string() }),
  role: v.picklist(SCHOOL_ROLES),
});
export type RedeemResult = v.InferOutput<typeof RedeemResultSchema>;

export const MemberSchema = v.object({
  userId: v.string(),
  shortId: v.string(),
  role: v.picklist(SCHOOL_ROLES),
  since: v.string(),
  note: v.nullable(v.string()),
});
export type Member = v.InferOutput<typeof MemberSchema>;

/** A 小程序码 (PNG, base64) that WeChat's scanner opens the join page with. */
export const WxacodeSchema = v.object({ image: v.string(), mimeType: v.literal('image/png') });

/** One item an import (or its dry run) adds, changes or retires; a sheet row as Excel numbers it. */
const ImportItemSchema = v.object({
  sheet: v.string(),
  row: v.nullable(v.number()),
  id: v.nullable(v.string()),
  name: v.string(),
});

/** POST /staff/catalog/import: what the workbook does (dry run) or did; nothing is applied while errors remain. */
export const CatalogImportResultSchema = v.object({
  dryRun: v.boolean(),
  applied: v.boolean(),
  added: v.array(ImportItemSchema),
  changed: v.array(
    v.object({
      ...ImportItemSchema.entries,
      id: v.string(),
      /** By the API's field name (as PATCH takes it), e.g. phone: {from, to}. */
      fields: v.record(v.string(), v.object({ from: v.unknown(), to: v.unknown() })),
    }),
  ),
  retired: v.array(ImportItemSchema),
  errors: v.array(WorkbookIssueSchema),
});
export type CatalogImportResult = v.InferOutput<typeof CatalogImportResultSchema>;

/** POST /me/phone: the number the user shared, to pre-fill a form (nothing is stored). */
export const SharedPhoneSchema = v.object({ phone: v.string() });

/** GET /me/export: everything stored about the caller (PIPL Art. 45), as one JSON document. */
export const MyDataSchema = v.object({
  exportedAt: v.string(),
  profile: v.object({
    userId: v.string(),
    shortId: v.nullable(v.string()),
    roles: v.array(v.string()),
    createdAt: v.string(),
    /** Whether a WeChat identity is linked (the openid itself is WeChat's, never shown). */
    wechatLinked: v.boolean(),
  }),
  familyMembers: v.array(FamilyMemberSchema),
  signups: v.array(
    v.object({
      ...SignupSchema.entries,
      activity: v.nullable(
        v.object({
          ...v.pick(ActivitySchema, ['id', 'title', 'kind', 'schoolId', 'startsAt', 'endsAt', 'place'])
            .entries,
        }),
      ),
      attendance: v.array(v.object({ sessionIndex: v.number(), checkedInAt: v.string() })),
      completionCode: v.nullable(v.string()),
    }),
  ),
  /** One-time subscribe-message grants left, by template. */
  subscriptions: v.record(v.string(), v.number()),
});
export type MyData = v.InferOutput<typeof MyDataSchema>;

/** DELETE /me: what closing the account did. */
export const ClosedAccountSchema = v.object({
  closedAt: v.string(),
  /** Seats and waitlist places given up (each passed on to the next person waiting). */
  released: v.number(),
  /** Sign-ups kept for the schools' counts, with the name and phone removed. */
  anonymized: v.number(),
});
export type ClosedAccount = v.InferOutput<typeof ClosedAccountSchema>;
