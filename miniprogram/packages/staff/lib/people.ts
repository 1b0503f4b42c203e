import type { Role } from '@shared/api';
import { SCHOOL_ROLE_LABELS, type SchoolRole } from '@shared/roles';
import { routes } from '@/lib/routes';

/**
 * Who may manage whom, as the server decides it (functions/domain/people): the city bureau (`admin`) invites
 * and removes teachers and school admins anywhere; a school's admin, teachers of that school only. The page
 * offers only what will be allowed; the server checks again.
 */
export function invitableRoles(roles: readonly Role[], schoolId: string): SchoolRole[] {
  if (roles.includes('admin')) return ['teacher', 'school-admin'];
  return roles.includes(`school-admin:${schoolId}`) ? ['teacher'] : [];
}

/** Whether the caller may remove (or cancel an invitation for) someone with `role` at the school. */
export const mayManage = (roles: readonly Role[], schoolId: string, role: SchoolRole): boolean =>
  invitableRoles(roles, schoolId).includes(role);

/** The schools whose people the caller manages: every school for the bureau, else where they are school admin. */
export function peopleSchools(roles: readonly Role[]): 'all' | string[] {
  if (roles.includes('admin')) return 'all';
  return roles.filter((r) => r.startsWith('school-admin:')).map((r) => r.slice('school-admin:'.length));
}

/** Whether 学校工作台 shows 教师管理. */
export function managesPeople(roles: readonly Role[]): boolean {
  const schools = peopleSchools(roles);
  return schools === 'all' || schools.length > 0;
}

/**
 * What the invitation's QR code holds: the join page with the code. `base` is '' in the mini-program (the
 * page's path) and the H5 app's address up to its hash router (`https://…/#`) on the web.
 */
export const joinLink = (code: string, base = ''): string => `${base}${routes.join(code)}`;

/** The chat card's title when an invitation is shared. */
export function inviteTitle(schoolName: string, role: SchoolRole): string {
  return role === 'teacher' ? `邀请您加入${schoolName}教师团队` : `邀请您担任${schoolName}的学校管理员`;
}

/** What 分享 copies on the web, to paste into a chat: who invites to what, the link, the code and its expiry. */
export function inviteMessage(
  schoolName: string,
  role: SchoolRole,
  link: string,
  groupedCode: string,
  expires: string,
): string {
  return `${inviteTitle(schoolName, role)}（${SCHOOL_ROLE_LABELS[role]}）。打开链接 ${link} ，或在四平职教通“我的 → 加入学校”输入邀请码 ${groupedCode}。${expires}前有效，只能使用一次。`;
}
