import * as v from 'valibot';

/**
 * Every error the API can answer with: a stable code (what clients and outside checks match on),
 * its HTTP status and the Chinese message a user can act on.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '填写的信息有误，请按提示修改后再提交' },
  INVALID_QUERY: { status: 400, message: '查询条件不正确，请检查筛选项后重试' },
  INVALID_CURSOR: { status: 400, message: '分页参数已失效，请刷新列表后重试' },
  INVALID_JSON: { status: 400, message: '请求内容不是有效的 JSON，请刷新后重试' },
  INVALID_LOGIN_CODE: { status: 400, message: '登录凭证无效或已过期，请重新打开小程序登录' },
  UNAUTHORIZED: { status: 401, message: '请先登录后再操作' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  FORBIDDEN: {
    status: 403,
    message: '您没有权限操作这所学校的数据。如果您是这所学校的老师，请联系学校管理员重新邀请您',
  },
  NOT_FOUND: { status: 404, message: '没有找到相关内容，可能已被删除' },
  ACTIVITY_NOT_FOUND: { status: 404, message: '没有找到这个活动，可能已被取消或删除' },
  SIGNUP_NOT_FOUND: { status: 404, message: '没有找到这条报名记录' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在，请升级小程序后重试' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持这种请求方式' },
  DUPLICATE_SIGNUP: { status: 409, message: '这位参加人已经报过这个活动了，可在“我的报名”中查看' },
  SIGNUP_CLOSED: { status: 409, message: '当前不在报名时间内，请留意活动的报名开始和截止时间' },
  ACTIVITY_CANCELLED: { status: 409, message: '这个活动已取消，请选择其他活动' },
  CAPACITY_BELOW_CONFIRMED: {
    status: 409,
    message: '名额不能少于已确认报名的人数，请先与已报名的人员沟通',
  },
  IDEMPOTENCY_CONFLICT: {
    status: 422,
    message: '同一次提交的内容发生了变化，请重新填写后提交',
  },
  INVALID_CODE: { status: 400, message: '签到码无效或已过期，请让参加人刷新“我的报名”里的二维码' },
  ALREADY_CHECKED_IN: { status: 409, message: '这位参加人本次已经签到过了' },
  SESSION_NOT_FOUND: { status: 404, message: '这个活动没有这一次课，请刷新活动后重试' },
  SESSION_CANCELLED: { status: 409, message: '这次课已停课：不用签到，也不计入出勤' },
  COMPLETION_NOT_FOUND: { status: 404, message: '没有找到这份结业证明，请核对验证码' },
  ACTIVITY_ALREADY_CANCELLED: { status: 409, message: '这个活动已经取消过了' },
  NOT_ELIGIBLE: { status: 422, message: '参加人不符合这个活动的报名条件' },
  TIME_CONFLICT: { status: 409, message: '参加人已报名的另一个活动与这个活动时间冲突' },
  CANCEL_DEADLINE_PASSED: { status: 409, message: '已过取消截止时间，不能在小程序里取消，请联系主办学校' },
  TERM_LIMIT_REACHED: { status: 409, message: '参加人本学期报名的课程已达上限' },
  NOT_OFFERED: { status: 409, message: '这条报名当前没有待确认的名额' },
  OFFER_EXPIRED: { status: 409, message: '确认时限已过，名额已让给下一位候补' },
  NOT_A_LOTTERY: { status: 409, message: '这个活动不是摇号报名' },
  ALREADY_DRAWN: { status: 409, message: '这个活动已经摇过号了' },
  FAMILY_MEMBER_NOT_FOUND: { status: 404, message: '没有找到这位家庭成员' },
  FAMILY_LIMIT_REACHED: { status: 409, message: '家庭成员最多保存 20 位' },
  INVITATION_NOT_FOUND: { status: 404, message: '没有这个邀请码，请核对后重新输入' },
  INVITATION_GONE: { status: 410, message: '邀请码已失效，请联系学校管理员重新邀请' },
  MEMBER_NOT_FOUND: { status: 404, message: '这位老师已经不在本校的名单里了' },
  USER_NOT_FOUND: { status: 404, message: '没有找到这个用户编号，请让对方在“我的”页面核对' },
  ACTIVITY_FULL: { status: 409, message: '名额已满，不能再现场报名了' },
  OUTSIDE_CHECK_IN_WINDOW: {
    status: 409,
    message: '现在不在签到时间内：每次课开课前 2 小时到结束后 12 小时可以签到',
  },
  SIGNUP_NOT_CONFIRMED: { status: 409, message: '这位参加人还在候补或已取消报名，不能签到' },
  EDIT_CONFLICT: { status: 409, message: '这条信息刚被别人修改过，请刷新后再改一次' },
  IMPORT_INVALID: {
    status: 422,
    message: '表格里有需要修改的地方，什么都还没有导入。请按列出的单元格逐一修改后重新导入',
  },
  INVALID_PHONE_CODE: {
    status: 400,
    message: '微信手机号授权已失效，请再点一次“使用微信手机号”，或直接输入手机号',
  },
  ACCOUNT_HAS_ROLES: {
    status: 409,
    message: '您还是学校的老师或管理员：请先请学校管理员在“学校工作台 → 教师管理”里移除您，再注销账号',
  },
  ACCOUNT_CLOSED: { status: 401, message: '这个账号已注销。如需继续使用，请重新登录' },
  RATE_LIMITED: { status: 429, message: '操作太频繁了，请稍等一会儿再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容太长了，请精简后再提交' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请以 JSON 格式提交' },
  BUSY_RETRY: { status: 503, message: '报名人数较多，请稍后再试一次' },
  WECHAT_UNAVAILABLE: { status: 502, message: '微信登录服务暂时不可用，请稍后重试' },
  INTERNAL: { status: 500, message: '服务器开小差了，请稍后重试' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** One problem with one field of a submitted form, as the API reports it and the form shows it. */
export const FieldIssueSchema = v.object({ field: v.string(), message: v.string() });
export type FieldIssue = v.InferOutput<typeof FieldIssueSchema>;

/** One problem in an imported workbook, named as Excel names the cell (E7). */
export const WorkbookIssueSchema = v.object({ sheet: v.string(), cell: v.string(), message: v.string() });
export type WorkbookIssue = v.InferOutput<typeof WorkbookIssueSchema>;

/** Every refusal: the code, the message, and what the code's own details add (seatsLeft, rule …). */
export const ErrorBodySchema = v.object({
  error: v.object({
    code: v.picklist(Object.keys(ERRORS) as ErrorCode[]),
    /** Chinese, for the person: what to do next. */
    message: v.string(),
    /** VALIDATION_FAILED lists each field that needs fixing. */
    fields: v.optional(v.array(FieldIssueSchema)),
    /** IMPORT_INVALID lists each cell that needs fixing. */
    errors: v.optional(v.array(WorkbookIssueSchema)),
    /** Only on a 500: quote it to support. */
    requestId: v.optional(v.string()),
  }),
});
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;
