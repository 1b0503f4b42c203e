import type { RedeemResult } from '@shared/api';
import { SCHOOL_ROLE_LABELS } from '@shared/roles';
import { normaliseInvitationCode, RedeemInputSchema } from '@shared/schemas/people';
import { validate } from '@shared/validate';

const decode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/**
 * The invitation code the join page was opened with, normalised, or '' without one: `?code=` (our QR code
 * and share card), `q` (WeChat's 扫普通链接二维码 hands over the scanned address, encoded) or `scene` (a
 * mini-program code made with `code=…` or the bare code as its scene).
 */
export function codeFromLaunch(params: Partial<Record<string, string>>): string {
  const fromLink = params.q ? /[?&]code=([^&#]+)/.exec(decode(params.q))?.[1] : undefined;
  const raw = decode(fromLink ?? params.code ?? params.scene ?? '').replace(/^code=/, '');
  return normaliseInvitationCode(raw);
}

/** A typed code checked as the server checks it: the normalised code, or what to fix in Chinese. */
export function checkCode(typed: string): { ok: true; code: string } | { ok: false; message: string } {
  if (!typed.trim()) return { ok: false, message: '请输入邀请码：学校管理员发给您的 16 位字母和数字' };
  const checked = validate(RedeemInputSchema, { code: typed });
  if (checked.ok) return { ok: true, code: checked.value.code };
  return { ok: false, message: checked.issues[0]?.message ?? '请输入邀请码' };
}

/** The answer in words: 已加入 双辽市职业中专, as 老师, and what that allows. */
export function joinedText(result: RedeemResult): { title: string; role: string; next: string } {
  return {
    title: `已加入 ${result.school.name}`,
    role: `身份：${SCHOOL_ROLE_LABELS[result.role]}`,
    next:
      result.role === 'school-admin'
        ? '在“学校工作台”可以发布活动、查看名单、签到，并在“教师管理”里邀请本校老师。'
        : '在“学校工作台”可以发布活动、查看名单和签到。',
  };
}
