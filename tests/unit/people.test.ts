import { createHash } from 'node:crypto';
import * as v from 'valibot';
import type { Caller } from '../../functions/domain/access';
import { DomainError } from '../../functions/domain/errors';
import {
  cancelInvitation,
  createInvitation,
  INVITATION_TTL_MS,
  listInvitations,
  listMembers,
  me,
  redeemInvitation,
  removeMember,
  setRoleByOperator,
  shortIdOf,
} from '../../functions/domain/people/people';
import type { AuditEntry, CreatedInvitation, Role } from '../../shared/api';
import type { SchoolRole } from '../../shared/roles';
import { normaliseInvitationCode, RedeemInputSchema } from '../../shared/schemas/people';
import { toIso } from '../../shared/time';
import { certificates, majors, schools } from '../../scripts/seed/catalog';
import { createMemoryStores, type MemoryStores, type SeededUser } from '../support/memory';

/**
 * People and roles (issue 13) as use-cases on the in-memory stores: who may invite, cancel, list and remove
 * whom at which school, what redeeming a code does, and the operator's grant. The stores keep the DynamoDB
 * stores' promises (tests/support/store-contract.ts); tests/integration/people.test.ts covers the routes.
 */

const NOW = '2030-03-05T10:00:00+08:00';
const SECOND = 1000;
const A = 'shuangliao-vocational';
const B = 'lishu-vocational';
const OPERATOR = 'arn:aws:iam::123456789012:user/bureau-ops';

function seeded(id: string, roles: Role[]): SeededUser {
  return { id, roles: ['user', ...roles], shortId: shortIdOf(id), createdAt: '2030-01-01T08:00:00+08:00' };
}

/** The five callers of the issue's matrix, each a user of the table with the roles a token would carry. */
const CALLERS = {
  admin: seeded('bureau', ['admin']),
  'school-admin of A': seeded('principal-a', [`school-admin:${A}`]),
  'teacher of A': seeded('teacher-a', [`staff:${A}`]),
  'school-admin of B': seeded('principal-b', [`school-admin:${B}`]),
  'plain user': seeded('parent-zhang', []),
};
type CallerName = keyof typeof CALLERS;
const CALLER_NAMES = Object.keys(CALLERS) as CallerName[];

const callerOf = (user: SeededUser): Caller => ({ userId: user.id, roles: user.roles });
const as = (name: CallerName) => callerOf(CALLERS[name]);

/** People a matrix cell removes: a teacher and a school admin at each school. */
const TARGETS: Record<string, SeededUser> = {
  [`${A} teacher`]: seeded('target-teacher-a', [`staff:${A}`]),
  [`${A} school-admin`]: seeded('target-admin-a', [`school-admin:${A}`]),
  [`${B} teacher`]: seeded('target-teacher-b', [`staff:${B}`]),
  [`${B} school-admin`]: seeded('target-admin-b', [`school-admin:${B}`]),
};

/** The matrix's columns for acts on a school's people: which school, and which of its roles. */
const PLACES: Array<[schoolId: string, role: SchoolRole]> = [
  [A, 'teacher'],
  [A, 'school-admin'],
  [B, 'teacher'],
  [B, 'school-admin'],
];

const ok = 'ok';
const no = '403 FORBIDDEN';

/**
 * Inviting, cancelling and removing, by PLACES: the bureau manages anyone anywhere; a school's admin manages
 * that school's teachers only; nobody else manages anyone.
 */
const MANAGE: Record<CallerName, string[]> = {
  admin: [ok, ok, ok, ok],
  'school-admin of A': [ok, no, no, no],
  'teacher of A': [no, no, no, no],
  'school-admin of B': [no, no, ok, no],
  'plain user': [no, no, no, no],
};

/** Listing a school's invitations and people, for schools A and B: the bureau, and that school's admin. */
const LIST: Record<CallerName, string[]> = {
  admin: [ok, ok],
  'school-admin of A': [ok, no],
  'teacher of A': [no, no],
  'school-admin of B': [no, ok],
  'plain user': [no, no],
};

function fresh(others: SeededUser[] = []): MemoryStores {
  return createMemoryStores({
    now: NOW,
    catalog: { schools, majors, certificates },
    users: [...Object.values(CALLERS), ...Object.values(TARGETS), ...others],
  });
}

let deps: MemoryStores;

beforeEach(() => {
  deps = fresh();
});

/** What an action answers, as the API would put it: `ok`, or the refusal's status and code. */
async function outcome(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
    return ok;
  } catch (err) {
    if (err instanceof DomainError) return `${err.status} ${err.code}`;
    throw err;
  }
}

/** Each caller's outcome for each column, in the shape of the expected tables above. */
async function matrix<C>(
  columns: C[],
  cell: (name: CallerName, column: C) => Promise<string>,
): Promise<Record<CallerName, string[]>> {
  const rows: Array<[CallerName, string[]]> = [];
  for (const name of CALLER_NAMES) {
    const row: string[] = [];
    for (const column of columns) row.push(await cell(name, column));
    rows.push([name, row]);
  }
  return Object.fromEntries(rows) as Record<CallerName, string[]>;
}

async function auditEntries(stores: MemoryStores = deps): Promise<AuditEntry[]> {
  return (await stores.audit.list(undefined, 1000)).items;
}

/** A user who logged in: the table holds them with their 用户编号, as auth-login makes them. */
async function loggedIn(id: string): Promise<Caller> {
  const user = await deps.users.ensure(id, { shortId: shortIdOf(id) }, NOW);
  return callerOf(user);
}

const invite = (schoolId: string, role: SchoolRole, by: CallerName = 'admin', stores = deps) =>
  createInvitation(stores, as(by), { schoolId, role, note: '新学期' });

const rolesOf = async (id: string, stores = deps) => (await stores.users.get(id))?.roles;
const memberIds = async (schoolId: string, stores = deps) =>
  (await stores.invitations.members(schoolId)).map((m) => m.userId);

describe('the permission matrix', () => {
  it('lets the bureau invite either role anywhere and a school admin only teachers of their school', async () => {
    const outcomes = await matrix(PLACES, (name, [schoolId, role]) =>
      outcome(() => invite(schoolId, role, name)),
    );
    expect(outcomes).toEqual(MANAGE);

    // A refused invitation leaves nothing behind: each place holds the invitations allowed there.
    for (const [i, [schoolId, role]] of PLACES.entries()) {
      const allowed = CALLER_NAMES.filter((name) => MANAGE[name][i] === ok);
      const pending = (await listInvitations(deps, as('admin'), schoolId)).items.filter(
        (x) => x.role === role,
      );
      expect(pending.map((x) => x.createdBy).sort()).toEqual(allowed.map((name) => CALLERS[name].id).sort());
    }
    const created = (await auditEntries()).filter((e) => e.action === 'invitation.create');
    expect(created).toHaveLength(
      Object.values(MANAGE)
        .flat()
        .filter((x) => x === ok).length,
    );
  });

  it('refuses with a message that says who may do it instead', async () => {
    await expect(invite(A, 'school-admin', 'school-admin of A')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '只有市教育局管理员可以邀请或移除学校管理员',
    });
    await expect(invite(A, 'teacher', 'teacher of A')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '只有本校的学校管理员或市教育局管理员可以管理老师',
    });
  });

  it('lets the same people cancel an invitation as may make it; a refused cancel leaves it pending', async () => {
    const outcomes = await matrix(PLACES, async (name, [schoolId, role]) => {
      const stores = fresh();
      const made = await invite(schoolId, role, 'admin', stores);
      const result = await outcome(() => cancelInvitation(stores, as(name), made.id));
      const pending = (await listInvitations(stores, as('admin'), schoolId)).items.map((x) => x.id);
      // Cancelled exactly when allowed.
      expect(pending).toEqual(result === ok ? [] : [made.id]);
      return result;
    });
    expect(outcomes).toEqual(MANAGE);
  });

  it("lets the bureau and that school's admin list its pending invitations", async () => {
    const made: Record<string, CreatedInvitation> = {
      [A]: await invite(A, 'teacher'),
      [B]: await invite(B, 'school-admin'),
    };
    const outcomes = await matrix([A, B], async (name, schoolId) =>
      outcome(async () => {
        const { items } = await listInvitations(deps, as(name), schoolId);
        expect(items.map((x) => x.id)).toEqual([made[schoolId]?.id]);
      }),
    );
    expect(outcomes).toEqual(LIST);
  });

  it("lets the bureau and that school's admin list its people", async () => {
    const outcomes = await matrix([A, B], async (name, schoolId) =>
      outcome(async () => {
        const { items } = await listMembers(deps, as(name), schoolId);
        const expected = [...Object.values(CALLERS), ...Object.values(TARGETS)]
          .filter((u) => u.roles.some((r) => r.endsWith(`:${schoolId}`)))
          .map((u) => u.id)
          .sort();
        expect(items.map((m) => m.userId).sort()).toEqual(expected);
      }),
    );
    expect(outcomes).toEqual(LIST);
  });

  it('lets the same people remove someone as may invite them; a refused removal changes nothing', async () => {
    const outcomes = await matrix(PLACES, async (name, [schoolId, role]) => {
      const stores = fresh();
      const target = TARGETS[`${schoolId} ${role}`] as SeededUser;
      const result = await outcome(() => removeMember(stores, as(name), schoolId, target.id));
      expect(await rolesOf(target.id, stores)).toEqual(result === ok ? ['user'] : target.roles);
      expect((await memberIds(schoolId, stores)).includes(target.id)).toBe(result !== ok);
      const revoked = (await auditEntries(stores)).filter((e) => e.action === 'role.revoke');
      expect(revoked.map((e) => e.actor)).toEqual(result === ok ? [CALLERS[name].id] : []);
      return result;
    });
    expect(outcomes).toEqual(MANAGE);
  });
});

describe('invitations', () => {
  it('makes a 16-character code good for 72 hours, and lists the invitation without it', async () => {
    const made = await invite(A, 'teacher');
    expect(made).toMatchObject({
      schoolId: A,
      role: 'teacher',
      note: '新学期',
      createdBy: CALLERS.admin.id,
      createdAt: NOW,
      expiresAt: toIso(Date.parse(NOW) + 72 * 3600_000),
    });
    expect(made.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    const { code, ...view } = made;
    expect(code).not.toBe((await invite(A, 'teacher')).code);
    const listed = (await listInvitations(deps, as('admin'), A)).items;
    expect(listed).toContainEqual(view);
    expect(listed.every((x) => !('code' in x))).toBe(true);
  });

  it('refuses an invitation to a school that does not exist', async () => {
    expect(await outcome(() => invite('no-such-school', 'teacher'))).toBe('404 NOT_FOUND');
  });

  it('keeps the code in no audit entry and no stored invitation, only its hash', async () => {
    const redeemed = await invite(A, 'teacher');
    const cancelled = await invite(A, 'school-admin');
    const kept = await invite(B, 'teacher', 'school-admin of B');
    await redeemInvitation(deps, await loggedIn('new-teacher'), redeemed.code);
    await cancelInvitation(deps, as('admin'), cancelled.id);

    const stored = JSON.stringify([...deps.table.invitations.values(), ...(await auditEntries())]);
    for (const { code, id } of [redeemed, cancelled, kept]) {
      expect(stored).not.toContain(code);
      expect((await deps.invitations.get(id))?.codeHash).toBe(
        createHash('sha256').update(code).digest('hex'),
      );
    }
    expect((await auditEntries()).map((e) => e.action).sort()).toEqual([
      'invitation.cancel',
      'invitation.create',
      'invitation.create',
      'invitation.create',
      'invitation.redeem',
      'role.grant',
    ]);
  });
});

describe('redeeming a code', () => {
  it('grants the invited role and replaces any other role at the same school', async () => {
    const both = seeded('teacher-of-both', [`staff:${A}`, `staff:${B}`]);
    deps = fresh([both]);
    const teacher = callerOf(both);
    const made = await invite(A, 'school-admin');

    const result = await redeemInvitation(deps, teacher, made.code);
    const roles = ['user', `staff:${B}`, `school-admin:${A}`];
    expect(result).toEqual({
      roles,
      school: { id: A, name: schools.find((s) => s.id === A)?.name },
      role: 'school-admin',
    });
    expect(await rolesOf(teacher.userId)).toEqual(roles);
    expect(await me(deps, teacher)).toMatchObject({
      shortId: shortIdOf(teacher.userId),
      roles,
      schools: [
        { schoolId: B, role: 'teacher' },
        { schoolId: A, role: 'school-admin' },
      ],
    });
    expect((await deps.invitations.members(A)).find((m) => m.userId === teacher.userId)).toEqual({
      schoolId: A,
      userId: teacher.userId,
      shortId: shortIdOf(teacher.userId),
      role: 'school-admin',
      since: NOW,
      note: '新学期',
    });
    const audit = await auditEntries();
    const grant = audit.find((e) => e.action === 'role.grant');
    expect(grant).toMatchObject({ actor: teacher.userId, target: `school:${A}` });
    expect(audit.find((e) => e.action === 'invitation.redeem')).toMatchObject({
      actor: teacher.userId,
      after: { usedBy: teacher.userId },
    });
  });

  it('makes a new user a teacher, and leaves a school admin who uses a teacher code the admin', async () => {
    const first = await invite(A, 'teacher');
    const newcomer = await loggedIn('newcomer');
    expect((await redeemInvitation(deps, newcomer, first.code)).roles).toEqual(['user', `staff:${A}`]);

    const second = await invite(A, 'teacher');
    const result = await redeemInvitation(deps, as('school-admin of A'), second.code);
    expect(result).toMatchObject({ role: 'school-admin', roles: ['user', `school-admin:${A}`] });
  });

  it('lets one of five people redeem a code at the same moment; the others are told it is gone', async () => {
    const made = await invite(A, 'teacher');
    const people = await Promise.all([1, 2, 3, 4, 5].map((n) => loggedIn(`racer-${n}`)));
    const outcomes = await Promise.all(
      people.map((p) => outcome(() => redeemInvitation(deps, p, made.code))),
    );
    expect([...outcomes].sort()).toEqual([...Array<string>(4).fill('410 INVITATION_GONE'), ok]);
    const winner = people[outcomes.indexOf(ok)] as Caller;
    expect((await memberIds(A)).filter((id) => id.startsWith('racer-'))).toEqual([winner.userId]);
    for (const p of people)
      expect(await rolesOf(p.userId)).toEqual(p === winner ? ['user', `staff:${A}`] : ['user']);
  });

  it('answers 410 for a used, cancelled or expired code and 404 for one never made', async () => {
    const used = await invite(A, 'teacher');
    await redeemInvitation(deps, await loggedIn('first'), used.code);
    const cancelled = await invite(A, 'teacher');
    await cancelInvitation(deps, as('admin'), cancelled.id);
    const expiring = await invite(A, 'teacher');
    const late = await invite(A, 'teacher');
    const someone = await loggedIn('someone');

    expect(await outcome(() => redeemInvitation(deps, someone, used.code))).toBe('410 INVITATION_GONE');
    expect(await outcome(() => redeemInvitation(deps, someone, cancelled.code))).toBe('410 INVITATION_GONE');
    expect(await outcome(() => redeemInvitation(deps, someone, '0123456789ABCDEF'))).toBe(
      '404 INVITATION_NOT_FOUND',
    );
    deps.clock.advance(INVITATION_TTL_MS - SECOND);
    expect(await outcome(() => redeemInvitation(deps, someone, expiring.code))).toBe(ok);
    deps.clock.advance(SECOND);
    expect(await outcome(() => redeemInvitation(deps, someone, late.code))).toBe('410 INVITATION_GONE');
    expect(await rolesOf(someone.userId)).toEqual(['user', `staff:${A}`]);
  });

  it('accepts a code typed by hand: any case, spaces and dashes, O for 0 and I or L for 1', async () => {
    expect(normaliseInvitationCode('ab0l-1io z')).toBe('AB01110Z');
    // A code with both a 0 and a 1 in it, so each look-alike is tried.
    let made = await invite(A, 'teacher');
    for (let i = 0; i < 300 && !(made.code.includes('0') && made.code.includes('1')); i++)
      made = await invite(A, 'teacher');
    expect(made.code).toMatch(/0.*1|1.*0/);
    let ones = 0;
    const typed = made.code
      .toLowerCase()
      .replace(/0/g, 'o')
      .replace(/1/g, () => (ones++ % 2 === 0 ? 'i' : 'l'))
      .replace(/(.{4})(?=.)/g, '$1-')
      .replace('-', ' ');
    expect(typed).toMatch(/^[^-\s]{4} [^-\s]{4}-[^-\s]{4}-[^-\s]{4}$/);
    const input = v.parse(RedeemInputSchema, { code: typed });
    expect(input.code).toBe(made.code);
    expect((await redeemInvitation(deps, await loggedIn('typist'), input.code)).role).toBe('teacher');
  });

  it('refuses a typed code of the wrong length or with a letter codes never have, saying what to check', () => {
    const issue = (code: string) => v.safeParse(RedeemInputSchema, { code }).issues?.[0]?.message;
    expect(issue('ABCD-EFGH-JKMN')).toBe('邀请码是 16 位字母和数字，请核对后重新输入');
    expect(issue('ABCD-EFGH-JKMN-PQRU')).toBe('邀请码只包含字母和数字，请核对后重新输入');
    expect(issue('0123-4567-89AB-CDEF')).toBeUndefined();
  });
});

describe('removing someone from a school', () => {
  it('takes the role away at the next read, and a second removal finds nobody', async () => {
    const teacher = as('teacher of A');
    expect(await me(deps, teacher)).toMatchObject({ roles: ['user', `staff:${A}`] });

    const removed = await removeMember(deps, as('school-admin of A'), A, teacher.userId);
    expect(removed).toMatchObject({
      userId: teacher.userId,
      role: 'teacher',
      shortId: shortIdOf(teacher.userId),
    });
    // The caller still holds a token naming the old role: what counts is the table, read again.
    expect(await me(deps, teacher)).toMatchObject({ roles: ['user'], schools: [] });
    expect(await memberIds(A)).not.toContain(teacher.userId);
    expect(await outcome(() => removeMember(deps, as('school-admin of A'), A, teacher.userId))).toBe(
      '404 MEMBER_NOT_FOUND',
    );
    expect(await outcome(() => removeMember(deps, as('admin'), A, 'never-was-here'))).toBe(
      '404 MEMBER_NOT_FOUND',
    );
  });

  it('keeps their roles at other schools', async () => {
    const made = await invite(B, 'teacher');
    const teacher = as('teacher of A');
    await redeemInvitation(deps, teacher, made.code);
    await removeMember(deps, as('admin'), A, teacher.userId);
    expect(await rolesOf(teacher.userId)).toEqual(['user', `staff:${B}`]);
    expect(await memberIds(B)).toContain(teacher.userId);
  });
});

describe("the operator's grant (npm run admin)", () => {
  const operatorAudit = async () =>
    (await auditEntries()).filter((e) => e.actor === OPERATOR).map((e) => [e.action, e.target, e.after]);

  it('grants and revokes by user id, once, each change audited in the name of the operator', async () => {
    const id = CALLERS['plain user'].id;
    expect(await setRoleByOperator(deps, OPERATOR, id, 'admin', true)).toEqual({
      userId: id,
      roles: ['user', 'admin'],
      changed: true,
    });
    expect(await setRoleByOperator(deps, OPERATOR, id, 'admin', true)).toEqual({
      userId: id,
      roles: ['user', 'admin'],
      changed: false,
    });
    expect(await rolesOf(id)).toEqual(['user', 'admin']);
    expect(await operatorAudit()).toEqual([['role.grant', `user:${id}`, { roles: ['user', 'admin'] }]]);

    expect((await setRoleByOperator(deps, OPERATOR, id, 'admin', false)).changed).toBe(true);
    expect((await setRoleByOperator(deps, OPERATOR, id, 'admin', false)).changed).toBe(false);
    expect(await rolesOf(id)).toEqual(['user']);
    expect((await operatorAudit()).map(([action]) => action).sort()).toEqual(['role.grant', 'role.revoke']);
  });

  it('finds the person by their 用户编号, in any case, and keeps the school member row with the role', async () => {
    const id = CALLERS['plain user'].id;
    const shortId = shortIdOf(id).toLowerCase();
    expect(await setRoleByOperator(deps, OPERATOR, shortId, `school-admin:${A}`, true)).toEqual({
      userId: id,
      roles: ['user', `school-admin:${A}`],
      changed: true,
    });
    expect((await deps.invitations.members(A)).find((m) => m.userId === id)).toMatchObject({
      role: 'school-admin',
      shortId: shortIdOf(id),
    });
    expect((await setRoleByOperator(deps, OPERATOR, shortId, `school-admin:${A}`, false)).roles).toEqual([
      'user',
    ]);
    expect(await memberIds(A)).not.toContain(id);
    expect((await operatorAudit()).length).toBe(2);
  });

  it('replaces the role held at that school, as an invitation does: one role and one member row a school', async () => {
    const principal = CALLERS['school-admin of A'].id;
    expect((await setRoleByOperator(deps, OPERATOR, principal, `staff:${A}`, true)).roles).toEqual([
      'user',
      `staff:${A}`,
    ]);
    expect((await deps.invitations.members(A)).filter((m) => m.userId === principal)).toMatchObject([
      { role: 'teacher' },
    ]);
    expect((await setRoleByOperator(deps, OPERATOR, principal, `staff:${A}`, false)).roles).toEqual(['user']);
    expect(await memberIds(A)).not.toContain(principal);
  });

  it('answers 404 for someone who never logged in', async () => {
    expect(await outcome(() => setRoleByOperator(deps, OPERATOR, 'wx-nobody', 'admin', true))).toBe(
      '404 USER_NOT_FOUND',
    );
    expect(await outcome(() => setRoleByOperator(deps, OPERATOR, 'ZZZZZZZZ', 'admin', true))).toBe(
      '404 USER_NOT_FOUND',
    );
    expect(await operatorAudit()).toEqual([]);
  });
});
