import { createHash, randomBytes } from 'node:crypto';
import type { CreatedInvitation, Invitation, Me, Member, RedeemResult, Role } from '../../../shared/api';
import type { SchoolRole } from '../../../shared/roles';
import type { InvitationCreateInput } from '../../../shared/schemas/people';
import { INVITATION_CODE_LENGTH } from '../../../shared/schemas/people';
import type { InvitationRecord, UserRecord } from '../../../shared/schemas/records';
import { toIso } from '../../../shared/time';
import { administersSchool, isAdmin, roleAt, schoolOfRole, type Caller } from '../access';
import { auditEntry } from '../audit/audit';
import type { CatalogStore } from '../catalog/ports';
import type { Clock } from '../clock';
import { DomainError } from '../errors';
import type { InvitationStore, RoleChange, UserStore } from './ports';

export interface PeopleDeps {
  users: UserStore;
  invitations: InvitationStore;
  catalog: CatalogStore;
  clock: Clock;
}

/** An invitation is good for three days: long enough to reach a teacher, short enough to leak harmlessly. */
export const INVITATION_TTL_MS = 72 * 3600_000;

/** Crockford's base 32: no I, L, O or U, so a code read aloud or typed by hand survives. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/**
 * 用户编号: eight characters a person can read out or paste, derived from the user id. Should two users derive
 * the same one (40 bits: likely somewhere past a few hundred thousand users), the later takes the next `attempt`.
 */
export function shortIdOf(userId: string, attempt = 0): string {
  const salt = attempt === 0 ? '' : `#${attempt}`;
  return base32(createHash('sha256').update(`short-id:${userId}${salt}`).digest(), 8);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The invitation's id is derived from its code's hash: a redeem finds it by the code, staff by the id. */
const invitationIdOf = (codeHash: string) => codeHash.slice(0, 24);

async function schoolName(deps: PeopleDeps, schoolId: string): Promise<string> {
  const school = (await deps.catalog.listSchools()).find((s) => s.id === schoolId);
  if (!school) throw new DomainError('NOT_FOUND', { message: '没有找到这所学校' });
  return school.name;
}

/** A school admin manages teachers; only the bureau makes or removes school admins. */
function mayManage(caller: Caller, schoolId: string, role: SchoolRole): boolean {
  return isAdmin(caller) || (role === 'teacher' && administersSchool(caller, schoolId));
}

function refuse(role: SchoolRole): never {
  throw new DomainError('FORBIDDEN', {
    message:
      role === 'school-admin'
        ? '只有市教育局管理员可以邀请或移除学校管理员'
        : '只有本校的学校管理员或市教育局管理员可以管理老师',
  });
}

export async function me(deps: PeopleDeps, caller: Caller): Promise<Me> {
  const user = await deps.users.get(caller.userId);
  const roles = user?.roles ?? caller.roles;
  const names = new Map((await deps.catalog.listSchools()).map((s) => [s.id, s.name]));
  const schools = roles.flatMap((r) => {
    const at = schoolOfRole(r);
    return at
      ? [{ schoolId: at.schoolId, schoolName: names.get(at.schoolId) ?? at.schoolId, role: at.role }]
      : [];
  });
  return { userId: caller.userId, shortId: user?.shortId ?? shortIdOf(caller.userId), roles, schools };
}

function toInvitationView(record: InvitationRecord): Invitation {
  const { id, schoolId, role, note, createdBy, createdAt, validUntil } = record;
  return { id, schoolId, role, note, createdBy, createdAt, expiresAt: validUntil };
}

export async function createInvitation(
  deps: PeopleDeps,
  caller: Caller,
  input: InvitationCreateInput,
): Promise<CreatedInvitation> {
  if (!mayManage(caller, input.schoolId, input.role)) refuse(input.role);
  await schoolName(deps, input.schoolId);
  const now = deps.clock.now();
  const code = base32(randomBytes(10), INVITATION_CODE_LENGTH);
  const codeHash = sha256(code);
  const record: InvitationRecord = {
    id: invitationIdOf(codeHash),
    codeHash,
    schoolId: input.schoolId,
    role: input.role,
    note: input.note ?? null,
    createdBy: caller.userId,
    createdAt: toIso(now),
    validUntil: toIso(now + INVITATION_TTL_MS),
    status: 'pending',
  };
  // The audit keeps who was invited to what, never the code.
  const view = toInvitationView(record);
  await deps.invitations.create(
    record,
    auditEntry(caller, 'invitation.create', `school:${record.schoolId}`, null, view, now),
  );
  return { ...view, code };
}

export async function listInvitations(
  deps: PeopleDeps,
  caller: Caller,
  schoolId: string,
): Promise<{ items: Invitation[] }> {
  if (!administersSchool(caller, schoolId)) refuse('teacher');
  await schoolName(deps, schoolId);
  const pending = await deps.invitations.pending(schoolId, toIso(deps.clock.now()));
  return { items: pending.map(toInvitationView) };
}

export async function cancelInvitation(deps: PeopleDeps, caller: Caller, id: string): Promise<Invitation> {
  const record = await deps.invitations.get(id);
  if (!record) throw new DomainError('INVITATION_NOT_FOUND');
  if (!mayManage(caller, record.schoolId, record.role)) refuse(record.role);
  const now = deps.clock.now();
  const view = toInvitationView(record);
  const audit = auditEntry(
    caller,
    'invitation.cancel',
    `school:${record.schoolId}`,
    view,
    { status: 'cancelled' },
    now,
  );
  const outcome = await deps.invitations.cancel(id, toIso(now), audit);
  if (outcome === 'not-pending')
    throw new DomainError('INVITATION_GONE', { message: '这个邀请已经被使用或作废了' });
  return view;
}

/** The page an invitation opens: the join page, with the code as WeChat's `scene` (16 characters of 32 allowed). */
export const JOIN_PAGE = 'packages/mine/pages/join/index';

/**
 * What a 小程序码 of a pending invitation encodes, for whoever made it (or may manage it) and still holds the
 * code: the code is never stored, so the caller proves it by sending it, and no one mints codes for others.
 */
export async function invitationScene(
  deps: PeopleDeps,
  caller: Caller,
  id: string,
  code: string,
): Promise<{ scene: string; page: string }> {
  const record = await deps.invitations.get(id);
  if (!record || record.codeHash !== sha256(code)) throw new DomainError('INVITATION_NOT_FOUND');
  if (!mayManage(caller, record.schoolId, record.role)) refuse(record.role);
  if (record.status !== 'pending' || Date.parse(record.validUntil) <= deps.clock.now())
    throw new DomainError('INVITATION_GONE');
  return { scene: code, page: JOIN_PAGE };
}

/** The user's roles with `role` at the school in place of whatever they had there (one role per school). */
function withSchoolRole(roles: Role[], schoolId: string, role: SchoolRole | null): Role[] {
  const others = roles.filter((r) => schoolOfRole(r)?.schoolId !== schoolId);
  return role ? [...others, roleAt(schoolId, role)] : others;
}

/** Applies a role change over the roles it read; a concurrent change to the same user is read again and redone. */
async function changeRoles(
  deps: PeopleDeps,
  userId: string,
  change: (user: UserRecord) => Omit<RoleChange, 'user'> | null,
): Promise<{ user: UserRecord; outcome: 'changed' | 'unchanged' }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const user = await deps.users.get(userId);
    if (!user) throw new DomainError('USER_NOT_FOUND');
    const next = change(user);
    if (!next) return { user, outcome: 'unchanged' };
    const outcome = await deps.users.changeRoles({ user, ...next });
    if (outcome === 'changed') return { user: { ...user, roles: next.roles }, outcome };
    if (outcome === 'invitation-gone') throw new DomainError('INVITATION_GONE');
  }
  throw new DomainError('BUSY_RETRY', { message: '正在处理同一位老师的其他变动，请稍后再试一次' });
}

export async function redeemInvitation(
  deps: PeopleDeps,
  caller: Caller,
  code: string,
): Promise<RedeemResult> {
  const codeHash = sha256(code);
  const record = await deps.invitations.get(invitationIdOf(codeHash));
  if (!record || record.codeHash !== codeHash) throw new DomainError('INVITATION_NOT_FOUND');
  const now = deps.clock.now();
  if (record.status !== 'pending' || Date.parse(record.validUntil) <= now)
    throw new DomainError('INVITATION_GONE');
  const name = await schoolName(deps, record.schoolId);
  const target = `school:${record.schoolId}`;
  let granted: SchoolRole = record.role;
  const { user } = await changeRoles(deps, caller.userId, (current) => {
    // A school admin who uses a teacher's code stays the school's admin (who is a teacher there too).
    granted = current.roles.includes(roleAt(record.schoolId, 'school-admin')) ? 'school-admin' : record.role;
    const roles = withSchoolRole(current.roles, record.schoolId, granted);
    const member = {
      schoolId: record.schoolId,
      userId: current.id,
      shortId: current.shortId ?? shortIdOf(current.id),
      role: granted,
      since: toIso(now),
      note: record.note,
    };
    return {
      roles,
      member: { put: member },
      redeems: { invitationId: record.id, now: toIso(now) },
      audit: [
        auditEntry(
          caller,
          'invitation.redeem',
          target,
          toInvitationView(record),
          { usedBy: current.id },
          now,
        ),
        auditEntry(caller, 'role.grant', target, { roles: current.roles }, { roles, member }, now),
      ],
    };
  });
  return { roles: user.roles, school: { id: record.schoolId, name }, role: granted };
}

export async function listMembers(
  deps: PeopleDeps,
  caller: Caller,
  schoolId: string,
): Promise<{ items: Member[] }> {
  if (!administersSchool(caller, schoolId)) refuse('teacher');
  await schoolName(deps, schoolId);
  const items = await deps.invitations.members(schoolId);
  return {
    items: items.map(({ userId, shortId, role, since, note }) => ({ userId, shortId, role, since, note })),
  };
}

export async function removeMember(
  deps: PeopleDeps,
  caller: Caller,
  schoolId: string,
  userId: string,
): Promise<Member> {
  if (!administersSchool(caller, schoolId)) refuse('teacher');
  const member = (await deps.invitations.members(schoolId)).find((m) => m.userId === userId);
  const now = deps.clock.now();
  let removedRole: SchoolRole | undefined;
  const { user, outcome } = await changeRoles(deps, userId, (current) => {
    const held = current.roles.map(schoolOfRole).find((at) => at?.schoolId === schoolId);
    if (!held && !member) return null;
    const role = held?.role ?? member?.role ?? 'teacher';
    removedRole = role;
    if (!mayManage(caller, schoolId, role)) refuse(role);
    const roles = withSchoolRole(current.roles, schoolId, null);
    return {
      roles,
      member: { remove: { schoolId } },
      audit: [
        auditEntry(caller, 'role.revoke', `school:${schoolId}`, { roles: current.roles }, { roles }, now),
      ],
    };
  }).catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'USER_NOT_FOUND')
      throw new DomainError('MEMBER_NOT_FOUND');
    throw err;
  });
  if (outcome === 'unchanged') throw new DomainError('MEMBER_NOT_FOUND');
  return {
    userId,
    shortId: member?.shortId ?? user.shortId ?? shortIdOf(userId),
    role: removedRole ?? member?.role ?? 'teacher',
    since: member?.since ?? user.createdAt,
    note: member?.note ?? null,
  };
}

/**
 * The operator's grant or revoke (`npm run admin`), for the first admin of a deployed stage: `actor` names
 * the AWS identity that ran it, so the audit shows who gave the city's keys to whom.
 */
export async function setRoleByOperator(
  deps: PeopleDeps,
  actor: string,
  target: string,
  role: Role,
  grant: boolean,
): Promise<{ userId: string; roles: Role[]; changed: boolean }> {
  const byShortId = /^[0-9A-Z]{8}$/i.test(target) ? await deps.users.byShortId(target.toUpperCase()) : null;
  const userId = byShortId?.id ?? target;
  const now = deps.clock.now();
  const operator: Caller = { userId: actor, roles: ['admin'] };
  const { user, outcome } = await changeRoles(deps, userId, (current) => {
    const has = current.roles.includes(role);
    if (has === grant) return null;
    const at = schoolOfRole(role);
    // One role per school, as an invitation gives it: a school role replaces the one held there.
    const roles = at
      ? withSchoolRole(current.roles, at.schoolId, grant ? at.role : null)
      : grant
        ? [...current.roles, role]
        : current.roles.filter((r) => r !== role);
    const member = at
      ? grant
        ? {
            put: {
              schoolId: at.schoolId,
              userId: current.id,
              shortId: current.shortId ?? shortIdOf(current.id),
              role: at.role,
              since: toIso(now),
              note: null,
            },
          }
        : { remove: { schoolId: at.schoolId } }
      : undefined;
    return {
      roles,
      member,
      audit: [
        auditEntry(
          operator,
          grant ? 'role.grant' : 'role.revoke',
          at ? `school:${at.schoolId}` : `user:${current.id}`,
          { roles: current.roles },
          { roles },
          now,
        ),
      ],
    };
  });
  return { userId: user.id, roles: user.roles, changed: outcome === 'changed' };
}
