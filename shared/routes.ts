/**
 * Every HTTP route, declared once. The functions validate requests from it (functions/lib/http.ts),
 * docs/openapi.yaml is generated from it (`npm run openapi`), a test holds it equal to serverless.yml, and
 * the mini-program's and the tests' clients take their types from it.
 *
 * A route's key is its method and path, so a client names a route by what it is on the wire and needs
 * none of this file at run time (the mini-program imports its types only).
 */
import * as v from 'valibot';
import {
  CheckInResultSchema,
  CompletionSchema,
  DrawSchema,
  EnrolmentSchema,
  LoginResponseSchema,
  RosterEntrySchema,
  SignupBatchResponseSchema,
  SignupDetailSchema,
  StatsResponseSchema,
  SubscriptionsSchema,
  AuditEntrySchema,
  CreatedInvitationSchema,
  InvitationSchema,
  MeSchema,
  MemberSchema,
  RedeemResultSchema,
  WxacodeSchema,
  CatalogImportResultSchema,
  SharedPhoneSchema,
  MyDataSchema,
  ClosedAccountSchema,
} from './api';
import {
  InvitationCreateInputSchema,
  InvitationListQuerySchema,
  PhoneCodeInputSchema,
  RedeemInputSchema,
  UserIdSchema,
  WxacodeInputSchema,
} from './schemas/people';
import type { ErrorCode } from './errors';
import {
  ActivityCopyInputSchema,
  ActivityCreateInputSchema,
  ActivityListQuerySchema,
  ActivityPatchInputSchema,
  ActivitySchema,
  SessionIndexSchema,
  SessionPatchInputSchema,
} from './schemas/activity';
import { LoginInputSchema, MineQuerySchema } from './schemas/auth';
import {
  CertificateDetailSchema,
  CertificateListQuerySchema,
  CertificateSchema,
  MajorDetailSchema,
  MajorListQuerySchema,
  MajorViewSchema,
  PathwaySchema,
  SchoolDetailSchema,
  SchoolListItemSchema,
  SchoolListQuerySchema,
  SchoolSchema,
} from './schemas/catalog';
import {
  CatalogImportQuerySchema,
  CertificateCreateInputSchema,
  CertificatePatchInputSchema,
  MajorCreateInputSchema,
  MajorPatchInputSchema,
  SchoolCreateInputSchema,
  SchoolPatchInputSchema,
  XLSX_CONTENT_TYPE,
} from './schemas/catalog-editing';
import { IdSchema, pageOf } from './schemas/common';
import {
  FamilyMemberInputSchema,
  FamilyMemberSchema,
  SignupBatchInputSchema,
  SignupCreateInputSchema,
  SignupSchema,
  SignupWithActivitySchema,
  WalkInInputSchema,
} from './schemas/signup';
import {
  AuditQuerySchema,
  CancelActivityInputSchema,
  CheckInInputSchema,
  COMPLETION_CODE_PATTERN,
  EnrolmentInputSchema,
  RosterQuerySchema,
  StatsQuerySchema,
  SubscriptionsInputSchema,
  AttendanceTickInputSchema,
} from './schemas/staff';

/**
 * `user`: any logged-in caller, as the token says. `staff`: someone with a staff role, re-read from the
 * table on every call so a withdrawn role stops at once (the school itself is the domain's check).
 * `admin`: the city bureau only.
 */
export type RouteAuth = 'public' | 'user' | 'staff' | 'admin';

export interface RouteResponse {
  description: string;
  /** The JSON body; none for a 204. */
  schema?: v.GenericSchema;
  /** Also answered as CSV (the roster export). */
  csv?: boolean;
  /** Answered as this binary content type instead of JSON (the catalog workbook). */
  binary?: string;
}

export interface RouteSpec {
  /** The serverless.yml function that serves it. */
  operationId: string;
  summary: string;
  auth: RouteAuth;
  /** Roles are re-read from the table although anyone may call: a school's staff may act on others' items. */
  freshRoles?: boolean;
  /** Path parameters; a value that fails its schema is the `notFound` code (nothing could have that id). */
  params?: Record<string, v.GenericSchema>;
  notFound?: ErrorCode;
  /** Query parameters (as strings); a route without `query` refuses any. */
  query?: v.GenericSchema;
  body?: v.GenericSchema;
  /** Takes a file as the body instead of JSON (an Excel import), with its own size limit. */
  upload?: {
    contentTypes: readonly string[];
    maxBytes: number;
    wrongTypeMessage: string;
    emptyMessage: string;
    tooLargeMessage: string;
  };
  /** Takes an `Idempotency-Key` header: the same key replays the first answer. */
  idempotent?: boolean;
  /** Public answers the client may revalidate with an ETag (and then get a 304). */
  cache?: 'public' | 'revalidate';
  responses: Partial<Record<200 | 201 | 204, RouteResponse>>;
  /** What the route can refuse with beyond what its auth, params, query and body already imply. */
  errors: ErrorCode[];
}

const byId = { id: IdSchema };

export const ROUTES = {
  'GET /schools': {
    operationId: 'schoolsList',
    summary: 'every school, filtered by county or kind',
    auth: 'public',
    query: SchoolListQuerySchema,
    cache: 'public',
    responses: {
      200: {
        description: 'the schools, each with its number of 在招 majors',
        schema: pageOf(SchoolListItemSchema),
      },
    },
    errors: [],
  },
  'GET /schools/{id}': {
    operationId: 'schoolGet',
    summary: 'one school with its majors',
    auth: 'public',
    params: byId,
    cache: 'public',
    responses: { 200: { description: 'the school with its majorIds', schema: SchoolDetailSchema } },
    errors: ['NOT_FOUND'],
  },
  'GET /majors': {
    operationId: 'majorsList',
    summary: 'majors, filtered by level, field or school, or found by words',
    auth: 'public',
    query: MajorListQuerySchema,
    cache: 'public',
    responses: { 200: { description: 'a page of majors', schema: pageOf(MajorViewSchema) } },
    errors: ['INVALID_CURSOR'],
  },
  'GET /majors/{id}': {
    operationId: 'majorGet',
    summary: 'one major with its school and the 1+X certificates it leads to',
    auth: 'public',
    params: byId,
    cache: 'public',
    responses: { 200: { description: 'the major', schema: MajorDetailSchema } },
    errors: ['NOT_FOUND'],
  },
  'GET /majors/{id}/pathway': {
    operationId: 'majorPathway',
    summary:
      '升学路径: the catalogue majors that lead to this one and that it leads to (verified 接续 links, each with its source and the Siping majors teaching it), and the routes between the levels',
    auth: 'public',
    params: byId,
    cache: 'public',
    responses: { 200: { description: 'the pathway', schema: PathwaySchema } },
    errors: ['NOT_FOUND'],
  },
  'GET /certificates': {
    operationId: 'certificatesList',
    summary: 'the 1+X certificates',
    auth: 'public',
    query: CertificateListQuerySchema,
    cache: 'public',
    responses: { 200: { description: 'a page of certificates', schema: pageOf(CertificateSchema) } },
    errors: ['INVALID_CURSOR'],
  },
  'GET /certificates/{id}': {
    operationId: 'certificateGet',
    summary: 'one 1+X certificate with the majors and schools that prepare for it',
    auth: 'public',
    params: byId,
    cache: 'public',
    responses: { 200: { description: 'the certificate', schema: CertificateDetailSchema } },
    errors: ['NOT_FOUND'],
  },
  'GET /activities': {
    operationId: 'activitiesList',
    summary: 'upcoming activities by start time (with from/to: those overlapping the range)',
    auth: 'public',
    query: ActivityListQuerySchema,
    cache: 'revalidate',
    responses: { 200: { description: 'a page of activities', schema: pageOf(ActivitySchema) } },
    errors: ['INVALID_CURSOR'],
  },
  'GET /activities/{id}': {
    operationId: 'activityGet',
    summary: 'one activity with its seats, rules and sessions',
    auth: 'public',
    params: byId,
    cache: 'revalidate',
    responses: { 200: { description: 'the activity', schema: ActivitySchema } },
    errors: ['ACTIVITY_NOT_FOUND'],
  },
  'GET /activities/{id}/draw': {
    operationId: 'activityDraw',
    summary: 'the verifiable lottery: the commitment before the draw, the seed and the order after it',
    auth: 'public',
    params: byId,
    cache: 'revalidate',
    responses: { 200: { description: 'the draw', schema: DrawSchema } },
    errors: ['ACTIVITY_NOT_FOUND', 'NOT_A_LOTTERY'],
  },
  'GET /completions/{code}': {
    operationId: 'completionGet',
    summary: 'check a completion record (结业证明) by its code',
    auth: 'public',
    params: { code: v.pipe(v.string(), v.regex(COMPLETION_CODE_PATTERN)) },
    notFound: 'COMPLETION_NOT_FOUND',
    responses: { 200: { description: 'the completion record', schema: CompletionSchema } },
    errors: ['COMPLETION_NOT_FOUND'],
  },
  'POST /auth/login': {
    operationId: 'authLogin',
    summary: 'exchange a wx.login code (in stage local also dev:<name>) for a token',
    auth: 'public',
    body: LoginInputSchema,
    responses: { 200: { description: 'logged in', schema: LoginResponseSchema } },
    errors: ['INVALID_LOGIN_CODE', 'RATE_LIMITED', 'WECHAT_UNAVAILABLE'],
  },
  'POST /signups': {
    operationId: 'signupCreate',
    summary: 'sign an attendee up for an activity: a seat, the waitlist, or a lottery application',
    auth: 'user',
    body: SignupCreateInputSchema,
    idempotent: true,
    responses: {
      201: { description: 'confirmed, waitlisted with its position, or applied', schema: SignupSchema },
      200: {
        description: 'the answer to an earlier request with this Idempotency-Key',
        schema: SignupSchema,
      },
    },
    errors: [
      'ACTIVITY_NOT_FOUND',
      'DUPLICATE_SIGNUP',
      'SIGNUP_CLOSED',
      'ACTIVITY_CANCELLED',
      'TIME_CONFLICT',
      'TERM_LIMIT_REACHED',
      'NOT_ELIGIBLE',
      'IDEMPOTENCY_CONFLICT',
      'RATE_LIMITED',
      'BUSY_RETRY',
    ],
  },
  'POST /signups/batch': {
    operationId: 'signupBatch',
    summary: "团体报名: a cadre's or teacher's list of up to 50 attendees, each signed up on their own",
    auth: 'user',
    body: SignupBatchInputSchema,
    idempotent: true,
    responses: {
      200: {
        description: 'each person’s sign-up or refusal, in the order given',
        schema: SignupBatchResponseSchema,
      },
    },
    errors: ['ACTIVITY_NOT_FOUND', 'IDEMPOTENCY_CONFLICT', 'RATE_LIMITED'],
  },
  'GET /signups/mine': {
    operationId: 'signupsMine',
    summary: "the caller's sign-ups, newest first, each with its activity's title, time and place",
    auth: 'user',
    query: MineQuerySchema,
    responses: { 200: { description: 'a page of sign-ups', schema: pageOf(SignupWithActivitySchema) } },
    errors: ['INVALID_CURSOR'],
  },
  'GET /signups/{id}': {
    operationId: 'signupGet',
    summary: 'one sign-up with its check-in code and attendance, for its owner or the school’s staff',
    auth: 'user',
    freshRoles: true,
    params: byId,
    responses: { 200: { description: 'the sign-up', schema: SignupDetailSchema } },
    errors: ['SIGNUP_NOT_FOUND'],
  },
  'DELETE /signups/{id}': {
    operationId: 'signupCancel',
    summary: 'cancel a sign-up (again, if it already was); a freed seat goes to the waitlist',
    auth: 'user',
    freshRoles: true,
    params: byId,
    responses: { 200: { description: 'cancelled', schema: SignupSchema } },
    errors: ['SIGNUP_NOT_FOUND', 'FORBIDDEN', 'CANCEL_DEADLINE_PASSED', 'BUSY_RETRY'],
  },
  'POST /signups/{id}/accept': {
    operationId: 'signupAccept',
    summary: '确认参加: take the seat offered from the waitlist before the offer expires',
    auth: 'user',
    params: byId,
    responses: { 200: { description: 'confirmed', schema: SignupSchema } },
    errors: ['SIGNUP_NOT_FOUND', 'NOT_OFFERED', 'OFFER_EXPIRED', 'TIME_CONFLICT', 'BUSY_RETRY'],
  },
  'GET /family-members': {
    operationId: 'familyList',
    summary: '家庭成员: the people this account signs up',
    auth: 'user',
    responses: { 200: { description: 'every family member', schema: pageOf(FamilyMemberSchema) } },
    errors: [],
  },
  'POST /family-members': {
    operationId: 'familyCreate',
    summary: 'add a family member to sign up on their behalf',
    auth: 'user',
    body: FamilyMemberInputSchema,
    responses: { 201: { description: 'saved', schema: FamilyMemberSchema } },
    errors: ['FAMILY_LIMIT_REACHED'],
  },
  'PUT /family-members/{id}': {
    operationId: 'familyUpdate',
    summary: 'change a family member',
    auth: 'user',
    params: byId,
    body: FamilyMemberInputSchema,
    responses: { 200: { description: 'saved', schema: FamilyMemberSchema } },
    errors: ['FAMILY_MEMBER_NOT_FOUND'],
  },
  'DELETE /family-members/{id}': {
    operationId: 'familyDelete',
    summary: 'remove a family member',
    auth: 'user',
    params: byId,
    responses: { 204: { description: 'removed' } },
    errors: ['FAMILY_MEMBER_NOT_FOUND'],
  },
  'GET /me/subscriptions': {
    operationId: 'subscriptionsGet',
    summary: 'the subscribe-message templates to ask for and the grants the user has left',
    auth: 'user',
    responses: { 200: { description: 'templates and balance', schema: SubscriptionsSchema } },
    errors: [],
  },
  'POST /me/subscriptions': {
    operationId: 'subscriptionsPut',
    summary: 'record the templates the user accepted (wx.requestSubscribeMessage, from a tap)',
    auth: 'user',
    body: SubscriptionsInputSchema,
    responses: { 200: { description: 'templates and balance', schema: SubscriptionsSchema } },
    errors: [],
  },
  'GET /staff/activities': {
    operationId: 'staffActivitiesList',
    summary: "the activities of the caller's schools (every school for the bureau)",
    auth: 'staff',
    responses: { 200: { description: 'the activities', schema: pageOf(ActivitySchema) } },
    errors: [],
  },
  'POST /staff/activities': {
    operationId: 'staffActivityCreate',
    summary: 'publish an activity',
    auth: 'staff',
    body: ActivityCreateInputSchema,
    responses: { 201: { description: 'published', schema: ActivitySchema } },
    errors: [],
  },
  'PATCH /staff/activities/{id}': {
    operationId: 'staffActivityUpdate',
    summary: 'change an activity; a larger capacity confirms waitlisted people at once',
    auth: 'staff',
    params: byId,
    body: ActivityPatchInputSchema,
    responses: { 200: { description: 'updated', schema: ActivitySchema } },
    errors: ['ACTIVITY_NOT_FOUND', 'CAPACITY_BELOW_CONFIRMED', 'BUSY_RETRY', 'EDIT_CONFLICT'],
  },
  'PATCH /staff/activities/{id}/sessions/{index}': {
    operationId: 'staffActivitySessionUpdate',
    summary:
      '调课/停课: move one class (index 0-based: 第N次课 is N-1) to a new time or place, or cancel it with a reason; everyone signed up is told once',
    auth: 'staff',
    params: { id: IdSchema, index: SessionIndexSchema },
    body: SessionPatchInputSchema,
    responses: { 200: { description: 'the activity with the class changed', schema: ActivitySchema } },
    errors: [
      'ACTIVITY_NOT_FOUND',
      'SESSION_NOT_FOUND',
      'SESSION_CANCELLED',
      'ACTIVITY_CANCELLED',
      'EDIT_CONFLICT',
    ],
  },
  'GET /staff/activities/{id}/signups': {
    operationId: 'staffRoster',
    summary: 'the roster: confirmed, then waitlisted in order, with full phone numbers (JSON, or CSV)',
    auth: 'staff',
    params: byId,
    query: RosterQuerySchema,
    responses: {
      200: { description: 'the roster', schema: v.object({ items: v.array(RosterEntrySchema) }), csv: true },
    },
    errors: ['ACTIVITY_NOT_FOUND'],
  },
  'POST /staff/activities/{id}/cancel': {
    operationId: 'staffActivityCancel',
    summary: 'cancel a published activity; everyone signed up sees the reason',
    auth: 'staff',
    params: byId,
    body: CancelActivityInputSchema,
    responses: { 200: { description: 'cancelled', schema: ActivitySchema } },
    errors: ['ACTIVITY_NOT_FOUND', 'ACTIVITY_ALREADY_CANCELLED'],
  },
  'POST /staff/activities/{id}/draw': {
    operationId: 'staffDraw',
    summary: '开始摇号: run the lottery now',
    auth: 'staff',
    params: byId,
    responses: { 200: { description: 'the draw', schema: DrawSchema } },
    errors: ['ACTIVITY_NOT_FOUND', 'NOT_A_LOTTERY', 'ALREADY_DRAWN'],
  },
  'POST /staff/signups/{id}/cancel': {
    operationId: 'staffSignupCancel',
    summary: "the organising school's staff cancel a sign-up, also after the cancellation deadline",
    auth: 'staff',
    params: byId,
    responses: { 200: { description: 'cancelled', schema: SignupSchema } },
    errors: ['SIGNUP_NOT_FOUND', 'BUSY_RETRY'],
  },
  'POST /staff/check-ins': {
    operationId: 'staffCheckIn',
    summary: 'check an attendee in with the QR code of their sign-up, once per session',
    auth: 'staff',
    body: CheckInInputSchema,
    responses: { 200: { description: 'checked in', schema: CheckInResultSchema } },
    errors: ['INVALID_CODE', 'ALREADY_CHECKED_IN', 'SESSION_CANCELLED'],
  },
  'POST /staff/activities/{id}/copy': {
    operationId: 'staffActivityCopy',
    summary:
      '下一期: a new activity with the same content, school and rules on new dates, linked by previousId; the last term’s people are offered 续报',
    auth: 'staff',
    params: byId,
    body: ActivityCopyInputSchema,
    responses: { 201: { description: 'the new activity', schema: ActivitySchema } },
    errors: ['ACTIVITY_NOT_FOUND'],
  },
  'POST /staff/activities/{id}/attendance': {
    operationId: 'staffAttendanceTick',
    summary:
      '名单签到: tick a confirmed attendee off the roster, once per session, in the QR check-in’s window and school scope',
    auth: 'staff',
    params: byId,
    body: AttendanceTickInputSchema,
    responses: { 200: { description: 'checked in', schema: CheckInResultSchema } },
    errors: [
      'ACTIVITY_NOT_FOUND',
      'SIGNUP_NOT_FOUND',
      'SIGNUP_NOT_CONFIRMED',
      'ALREADY_CHECKED_IN',
      'OUTSIDE_CHECK_IN_WINDOW',
      'ACTIVITY_CANCELLED',
      'SESSION_CANCELLED',
    ],
  },
  'POST /staff/activities/{id}/walk-ins': {
    operationId: 'staffWalkIn',
    summary: '现场报名: someone who turned up gets a free seat, confirmed and checked in at once',
    auth: 'staff',
    params: byId,
    body: WalkInInputSchema,
    responses: { 201: { description: 'the sign-up, confirmed and checked in', schema: SignupSchema } },
    errors: [
      'ACTIVITY_NOT_FOUND',
      'ACTIVITY_FULL',
      'ACTIVITY_CANCELLED',
      'OUTSIDE_CHECK_IN_WINDOW',
      'NOT_ELIGIBLE',
      'DUPLICATE_SIGNUP',
      'TIME_CONFLICT',
      'TERM_LIMIT_REACHED',
      'BUSY_RETRY',
    ],
  },
  'GET /staff/stats': {
    operationId: 'staffStats',
    summary: "training headcount (人次) per school against the plan's 2 × enrolment target; county totals",
    auth: 'staff',
    query: StatsQuerySchema,
    responses: { 200: { description: 'the year’s figures', schema: StatsResponseSchema } },
    errors: [],
  },
  'PUT /staff/schools/{id}/enrolment': {
    operationId: 'staffEnrolmentPut',
    summary: "the school's enrolment (在校生规模) for a year, entered by its staff",
    auth: 'staff',
    params: byId,
    body: EnrolmentInputSchema,
    responses: { 200: { description: 'saved', schema: EnrolmentSchema } },
    errors: ['NOT_FOUND'],
  },
  'GET /staff/audit': {
    operationId: 'staffAuditList',
    summary: 'every staff write, newest first',
    auth: 'admin',
    query: AuditQuerySchema,
    responses: { 200: { description: 'a page of audit entries', schema: pageOf(AuditEntrySchema) } },
    errors: ['INVALID_CURSOR'],
  },
  'GET /me': {
    operationId: 'meGet',
    summary: 'who the caller is: 用户编号 (shortId), roles, and the schools they work for',
    auth: 'user',
    freshRoles: true,
    responses: { 200: { description: 'the caller', schema: MeSchema } },
    errors: [],
  },
  'GET /me/export': {
    operationId: 'meExport',
    summary:
      '导出我的数据: everything stored about the caller — profile, family members, sign-ups with their activities, attendance, subscriptions',
    auth: 'user',
    responses: { 200: { description: 'the caller’s data', schema: MyDataSchema } },
    errors: [],
  },
  'DELETE /me': {
    operationId: 'meDelete',
    summary:
      '注销账号: seats ahead are given up (the waitlist moves up), names and phones are removed from rosters and records, tokens stop working; staff leave their schools first',
    auth: 'user',
    responses: { 200: { description: 'closed', schema: ClosedAccountSchema } },
    errors: ['ACCOUNT_HAS_ROLES', 'BUSY_RETRY'],
  },
  'POST /me/phone': {
    operationId: 'mePhone',
    summary:
      '使用微信手机号: exchange the getPhoneNumber button’s code with WeChat for the number, to pre-fill a form; nothing is stored',
    auth: 'user',
    body: PhoneCodeInputSchema,
    responses: { 200: { description: 'the number', schema: SharedPhoneSchema } },
    errors: ['INVALID_PHONE_CODE', 'WECHAT_UNAVAILABLE', 'RATE_LIMITED'],
  },
  'POST /invitations/redeem': {
    operationId: 'invitationRedeem',
    summary: '加入学校: use an invitation code; the role it carries is granted at once',
    auth: 'user',
    body: RedeemInputSchema,
    responses: { 200: { description: 'joined', schema: RedeemResultSchema } },
    errors: ['INVITATION_NOT_FOUND', 'INVITATION_GONE', 'RATE_LIMITED', 'BUSY_RETRY'],
  },
  'POST /staff/invitations': {
    operationId: 'staffInvitationCreate',
    summary:
      'invite a teacher (school admins and the bureau) or a school admin (the bureau) by a one-time code',
    auth: 'staff',
    body: InvitationCreateInputSchema,
    responses: {
      201: {
        description: 'the invitation with its code, shown only in this answer',
        schema: CreatedInvitationSchema,
      },
    },
    errors: ['NOT_FOUND'],
  },
  'GET /staff/invitations': {
    operationId: 'staffInvitationsList',
    summary: "a school's pending invitations, without their codes",
    auth: 'staff',
    query: InvitationListQuerySchema,
    responses: {
      200: { description: 'pending invitations', schema: v.object({ items: v.array(InvitationSchema) }) },
    },
    errors: ['NOT_FOUND'],
  },
  'DELETE /staff/invitations/{id}': {
    operationId: 'staffInvitationCancel',
    summary: '作废: cancel a pending invitation',
    auth: 'staff',
    params: { id: v.pipe(v.string(), v.regex(/^[0-9a-f]{24}$/)) },
    notFound: 'INVITATION_NOT_FOUND',
    responses: { 200: { description: 'cancelled', schema: InvitationSchema } },
    errors: ['INVITATION_GONE'],
  },
  'POST /staff/invitations/{id}/wxacode': {
    operationId: 'staffInvitationWxacode',
    summary:
      "the invitation's 小程序码, for WeChat's scanner to open the join page with (the caller sends the code)",
    auth: 'staff',
    params: { id: v.pipe(v.string(), v.regex(/^[0-9a-f]{24}$/)) },
    notFound: 'INVITATION_NOT_FOUND',
    body: WxacodeInputSchema,
    responses: { 200: { description: 'the 小程序码 as a base64 PNG', schema: WxacodeSchema } },
    errors: ['INVITATION_GONE', 'WECHAT_UNAVAILABLE'],
  },
  'GET /staff/schools/{id}/members': {
    operationId: 'staffMembersList',
    summary: "a school's teachers and school admins",
    auth: 'staff',
    params: byId,
    responses: { 200: { description: 'the members', schema: v.object({ items: v.array(MemberSchema) }) } },
    errors: [],
  },
  'DELETE /staff/schools/{id}/members/{userId}': {
    operationId: 'staffMemberRemove',
    summary: "移除: take away someone's role at the school; their next staff call for it answers 403",
    auth: 'staff',
    params: { ...byId, userId: UserIdSchema },
    responses: { 200: { description: 'removed', schema: MemberSchema } },
    errors: ['MEMBER_NOT_FOUND', 'BUSY_RETRY'],
  },
  'POST /staff/schools': {
    operationId: 'staffSchoolCreate',
    summary: 'add a school (the bureau)',
    auth: 'admin',
    body: SchoolCreateInputSchema,
    responses: { 201: { description: 'the school', schema: SchoolSchema } },
    errors: ['EDIT_CONFLICT'],
  },
  'PATCH /staff/schools/{id}': {
    operationId: 'staffSchoolUpdate',
    summary:
      'change a school: its school admin its profile (phone, address, location, website, admissionsContact, intro); the bureau anything',
    auth: 'staff',
    params: byId,
    body: SchoolPatchInputSchema,
    responses: { 200: { description: 'the school as it is now', schema: SchoolSchema } },
    errors: ['NOT_FOUND', 'EDIT_CONFLICT'],
  },
  'POST /staff/majors': {
    operationId: 'staffMajorCreate',
    summary: "add a major at a school (that school's admin, or the bureau)",
    auth: 'staff',
    body: MajorCreateInputSchema,
    responses: { 201: { description: 'the major', schema: MajorViewSchema } },
    errors: ['EDIT_CONFLICT'],
  },
  'PATCH /staff/majors/{id}': {
    operationId: 'staffMajorUpdate',
    summary:
      "change a major: status (在招/拟开设/停招), 学制, intake, fees, source … (its school's admin, or the bureau)",
    auth: 'staff',
    params: byId,
    body: MajorPatchInputSchema,
    responses: { 200: { description: 'the major as it is now', schema: MajorViewSchema } },
    errors: ['NOT_FOUND', 'EDIT_CONFLICT'],
  },
  'POST /staff/certificates': {
    operationId: 'staffCertificateCreate',
    summary: 'add a 1+X certificate (the bureau)',
    auth: 'admin',
    body: CertificateCreateInputSchema,
    responses: { 201: { description: 'the certificate', schema: CertificateSchema } },
    errors: ['EDIT_CONFLICT'],
  },
  'PATCH /staff/certificates/{id}': {
    operationId: 'staffCertificateUpdate',
    summary: 'change a 1+X certificate (the bureau)',
    auth: 'admin',
    params: byId,
    body: CertificatePatchInputSchema,
    responses: { 200: { description: 'the certificate as it is now', schema: CertificateSchema } },
    errors: ['NOT_FOUND', 'EDIT_CONFLICT'],
  },
  'GET /staff/catalog.xlsx': {
    operationId: 'staffCatalogExport',
    summary:
      'the catalog as an Excel workbook (sheets 学校, 专业, 证书): every row for the bureau, their own school’s for a school admin',
    auth: 'staff',
    responses: { 200: { description: 'the workbook', binary: XLSX_CONTENT_TYPE } },
    errors: [],
  },
  'POST /staff/catalog/import': {
    operationId: 'staffCatalogImport',
    summary:
      'apply an edited workbook, all or nothing; ?dryRun=true shows what it would do and writes nothing (body: the .xlsx file, at most 2 MB)',
    auth: 'staff',
    query: CatalogImportQuerySchema,
    upload: {
      contentTypes: [XLSX_CONTENT_TYPE, 'application/octet-stream'],
      maxBytes: 2 * 1024 * 1024,
      wrongTypeMessage: '请上传从“导出 Excel”得到的 .xlsx 表格',
      emptyMessage: '没有收到表格文件，请重新选择后导入',
      tooLargeMessage: '表格超过 2 MB，请删去多余的工作表或图片后再导入',
    },
    responses: {
      200: { description: 'what the workbook does (dry run) or did', schema: CatalogImportResultSchema },
    },
    errors: ['IMPORT_INVALID', 'EDIT_CONFLICT'],
  },
} as const satisfies Record<string, RouteSpec>;

export type Routes = typeof ROUTES;
export type RouteKey = keyof Routes;

type Out<S> = S extends v.GenericSchema ? v.InferOutput<S> : undefined;
type In<S> = S extends v.GenericSchema ? v.InferInput<S> : undefined;

/** The body of a route's answer, by status (every success status when none is named). */
export type ResponseOf<
  K extends RouteKey,
  S extends keyof Routes[K]['responses'] = keyof Routes[K]['responses'],
> = Routes[K]['responses'][S] extends { schema: infer Schema } ? Out<Schema> : undefined;

/** What a client sends: path parameters, query and body, as the schemas take them in. */
export type RequestOf<K extends RouteKey> = (Routes[K] extends { params: infer P }
  ? { params: { [N in keyof P]: string } }
  : { params?: undefined }) &
  (Routes[K] extends { query: infer Q }
    ? { query?: { [N in keyof In<Q>]?: In<Q>[N] | number | null } }
    : { query?: undefined }) &
  (Routes[K] extends { body: infer B } ? { body: In<B> } : { body?: undefined });

/** A path a route answers on, with any string where the route names a parameter: `/signups/${string}`. */
type ConcretePath<P extends string> = P extends `${infer Head}{${string}}${infer Tail}`
  ? `${Head}${string}${ConcretePath<Tail>}`
  : P;

/** The paths the table routes for a method: what a test client may call. */
export type PathOf<M extends string> = {
  [K in RouteKey]: K extends `${M} ${infer P}` ? ConcretePath<P> : never;
}[RouteKey];

export type RouteMethod = RouteKey extends `${infer M} ${string}` ? M : never;
