import * as v from 'valibot';
import { SCHOOL_ROLES } from '../roles';
import { IdSchema, plainText } from './common';

/**
 * Invitation codes: 16 characters of Crockford's base 32 (80 random bits), shown in groups of four. People
 * type them, so case, spaces and dashes do not matter and the letters O, I and L read as 0, 1 and 1.
 */
export const INVITATION_CODE_LENGTH = 16;
const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]+$/;

export function normaliseInvitationCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const InvitationCodeSchema = v.pipe(
  v.string('请输入邀请码'),
  v.transform(normaliseInvitationCode),
  v.minLength(INVITATION_CODE_LENGTH, `邀请码是 ${INVITATION_CODE_LENGTH} 位字母和数字，请核对后重新输入`),
  v.maxLength(INVITATION_CODE_LENGTH, `邀请码是 ${INVITATION_CODE_LENGTH} 位字母和数字，请核对后重新输入`),
  v.regex(CROCKFORD, '邀请码只包含字母和数字，请核对后重新输入'),
);

export const InvitationCreateInputSchema = v.strictObject(
  {
    schoolId: IdSchema,
    role: v.picklist(SCHOOL_ROLES, '请选择邀请的身份：老师或学校管理员'),
    note: v.optional(plainText('备注', 1, 40)),
  },
  '邀请信息包含不支持的字段',
);
export type InvitationCreateInput = v.InferOutput<typeof InvitationCreateInputSchema>;

export const InvitationListQuerySchema = v.strictObject({ schoolId: IdSchema }, '不支持的查询条件');

export const RedeemInputSchema = v.strictObject({ code: InvitationCodeSchema }, '请求包含不支持的字段');

/** Users are named by their id (`wx-…`, `dev-…`) in paths. */
export const UserIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, '用户编号不正确'));

export const WxacodeInputSchema = v.strictObject({ code: InvitationCodeSchema }, '请求包含不支持的字段');

/** POST /me/phone: the code WeChat's getPhoneNumber button gave the app, exchanged once for the number. */
export const PhoneCodeInputSchema = v.strictObject(
  {
    code: v.pipe(
      v.string('缺少手机号授权码'),
      v.regex(/^[A-Za-z0-9_-]{8,256}$/, '手机号授权码不正确，请再点一次“使用微信手机号”'),
    ),
  },
  '请求包含不支持的字段',
);
