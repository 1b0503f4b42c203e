import Taro from '@tarojs/taro';
import type { LoginResponse } from '@shared/api';
import { ERRORS } from '@shared/errors';
import { groupCode } from '@/lib/format';
import { routes } from '@/lib/routes';
import { checkCode, codeFromLaunch, joinedText } from '@/packages/mine/lib/join';
import { linkBase } from '@/packages/staff/lib/invite-link';
import {
  invitableRoles,
  inviteMessage,
  inviteTitle,
  joinLink,
  managesPeople,
  mayManage,
  peopleSchools,
} from '@/packages/staff/lib/people';
import { api } from '@/services/api';
import { createAuth } from '@/services/auth';
import { describeError } from '@/services/errors';
import { KEYS, memoryKv } from '@/services/kv';
import { toApiError } from '@/services/request';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { request: jest.fn() } }));
jest.mock('@/services/auth', () => ({
  ...jest.requireActual('@/services/auth'),
  auth: { withToken: <T>(call: (token: string) => Promise<T>) => call('t0k') },
}));
const taroRequest = Taro.request as unknown as jest.Mock;

const CODE = '7K2M9QXD4HRTWP3B';

describe('codes people read out or type', () => {
  it('groups a 用户编号 as ABCD-EFGH and an invitation code in fours', () => {
    expect(groupCode('ABCDEFGH')).toBe('ABCD-EFGH');
    expect(groupCode(CODE)).toBe('7K2M-9QXD-4HRT-WP3B');
    expect(groupCode('ABCDE')).toBe('ABCD-E');
    expect(groupCode('ABC')).toBe('ABC');
    expect(groupCode('')).toBe('');
  });

  it('reads a typed code as the server does: any case, spaces and dashes, O as 0, I and L as 1', () => {
    expect(checkCode('7k2m-9qxd 4hrt-wp3b')).toEqual({ ok: true, code: CODE });
    expect(checkCode(' 7K2M 9QXD 4HRT WP3B ')).toEqual({ ok: true, code: CODE });
    expect(checkCode('OILO-0000-0000-0000')).toEqual({ ok: true, code: '0110000000000000' });
  });

  it('says what to fix in a typed code before asking the server', () => {
    expect(checkCode('   ')).toEqual({
      ok: false,
      message: '请输入邀请码：学校管理员发给您的 16 位字母和数字',
    });
    expect(checkCode('7K2M-9QXD-4HRT')).toEqual({
      ok: false,
      message: '邀请码是 16 位字母和数字，请核对后重新输入',
    });
    expect(checkCode('7K2M-9QXD-4HRT-WP3U')).toEqual({
      ok: false,
      message: '邀请码只包含字母和数字，请核对后重新输入',
    });
  });
});

describe('who may invite whom (as functions/domain/people decides)', () => {
  const A = 'shuangliao-vocational';
  const B = 'lishu-vocational';

  it('lets the bureau invite teachers and school admins to any school', () => {
    expect(invitableRoles(['user', 'admin'], A)).toEqual(['teacher', 'school-admin']);
    expect(invitableRoles(['user', 'admin'], B)).toEqual(['teacher', 'school-admin']);
    expect(peopleSchools(['user', 'admin'])).toBe('all');
    expect(managesPeople(['user', 'admin'])).toBe(true);
  });

  it('lets a school admin invite and remove teachers of their own school only', () => {
    const roles = ['user', `school-admin:${A}`] as const;
    expect(invitableRoles(roles, A)).toEqual(['teacher']);
    expect(invitableRoles(roles, B)).toEqual([]);
    expect(mayManage(roles, A, 'teacher')).toBe(true);
    expect(mayManage(roles, A, 'school-admin')).toBe(false);
    expect(mayManage(roles, B, 'teacher')).toBe(false);
    expect(peopleSchools(roles)).toEqual([A]);
    expect(managesPeople(roles)).toBe(true);
  });

  it('gives a teacher or a plain user no one to invite and no 教师管理', () => {
    for (const roles of [['user', `staff:${A}`], ['user']] as const) {
      expect(invitableRoles(roles, A)).toEqual([]);
      expect(mayManage(roles, A, 'teacher')).toBe(false);
      expect(peopleSchools(roles)).toEqual([]);
      expect(managesPeople(roles)).toBe(false);
    }
  });
});

describe('the join link the invitation QR code and share card carry', () => {
  it('is the join page with the code: a path in the mini-program, the full address under the H5 hash router', () => {
    expect(routes.join(CODE)).toBe(`/packages/mine/pages/join/index?code=${CODE}`);
    expect(routes.join()).toBe('/packages/mine/pages/join/index');
    expect(joinLink(CODE)).toBe(`/packages/mine/pages/join/index?code=${CODE}`);
    expect(joinLink(CODE, 'https://sp.example.cn/#')).toBe(
      `https://sp.example.cn/#/packages/mine/pages/join/index?code=${CODE}`,
    );
    // jsdom's page is http://localhost/
    expect(joinLink(CODE, linkBase())).toBe(`http://localhost/#/packages/mine/pages/join/index?code=${CODE}`);
  });

  it('gives the join page back the code it was made with, however WeChat hands it over', () => {
    const query = (link: string) =>
      Object.fromEntries(new URLSearchParams(link.slice(link.indexOf('?') + 1)).entries());
    expect(codeFromLaunch(query(joinLink(CODE)))).toBe(CODE);
    // 扫普通链接二维码: the scanned address arrives encoded in `q`.
    const scanned = joinLink(CODE, 'https://sp.example.cn/#');
    expect(codeFromLaunch({ q: encodeURIComponent(scanned) })).toBe(CODE);
    // A mini-program code's scene, with or without the key; a typed link in lower case with dashes.
    expect(codeFromLaunch({ scene: encodeURIComponent(`code=${CODE}`) })).toBe(CODE);
    expect(codeFromLaunch({ scene: CODE })).toBe(CODE);
    expect(codeFromLaunch({ code: '7k2m-9qxd-4hrt-wp3b' })).toBe(CODE);
    // Opened from 我的 → 加入学校 (H5 adds its own keys): no code, the field starts empty.
    expect(codeFromLaunch({ $taroTimestamp: '1764670000000' })).toBe('');
    expect(codeFromLaunch({ q: encodeURIComponent('https://sp.example.cn/other') })).toBe('');
  });

  it('names the school and the role in the share card and the copied message', () => {
    expect(inviteTitle('双辽市职业中专', 'teacher')).toBe('邀请您加入双辽市职业中专教师团队');
    expect(inviteTitle('双辽市职业中专', 'school-admin')).toBe('邀请您担任双辽市职业中专的学校管理员');
    const message = inviteMessage(
      '双辽市职业中专',
      'teacher',
      joinLink(CODE, 'https://sp.example.cn/#'),
      groupCode(CODE),
      '12月5日 周六 10:54',
    );
    expect(message).toContain('邀请您加入双辽市职业中专教师团队（老师）');
    expect(message).toContain(`https://sp.example.cn/#/packages/mine/pages/join/index?code=${CODE}`);
    expect(message).toContain('7K2M-9QXD-4HRT-WP3B');
    expect(message).toContain('12月5日 周六 10:54前有效，只能使用一次');
  });
});

describe('after joining and when refused', () => {
  it('says which school and role, and what the role allows', () => {
    const joined = joinedText({
      roles: ['user', 'staff:shuangliao-vocational'],
      school: { id: 'shuangliao-vocational', name: '双辽市职业中专' },
      role: 'teacher',
    });
    expect(joined).toEqual({
      title: '已加入 双辽市职业中专',
      role: '身份：老师',
      next: '在“学校工作台”可以发布活动、查看名单和签到。',
    });
    const admin = joinedText({
      roles: ['user', 'school-admin:shuangliao-vocational'],
      school: { id: 'shuangliao-vocational', name: '双辽市职业中专' },
      role: 'school-admin',
    });
    expect(admin.role).toBe('身份：学校管理员');
    expect(admin.next).toContain('教师管理');
  });

  it('shows the API’s plain 403 with its way forward, and the specific refusals as they are', () => {
    const answer = (code: string, message: string) => ({ error: { code, message } });
    const plain = toApiError(403, answer('FORBIDDEN', ERRORS.FORBIDDEN.message));
    expect(plain).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(describeError(plain)).toBe(
      '您没有权限操作这所学校的数据。如果您是这所学校的老师，请联系学校管理员重新邀请您',
    );
    const specific = toApiError(403, answer('FORBIDDEN', '只有市教育局管理员可以邀请或移除学校管理员'));
    expect(describeError(specific)).toBe('只有市教育局管理员可以邀请或移除学校管理员');
    const gone = toApiError(410, answer('INVITATION_GONE', ERRORS.INVITATION_GONE.message));
    expect(describeError(gone)).toBe('邀请码已失效，请联系学校管理员重新邀请');
  });

  it('keeps the roles the server last reported with the session, and none without one', async () => {
    const kv = memoryKv();
    const answer: LoginResponse = {
      token: 'tok',
      userId: 'u-1',
      roles: ['user'],
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    };
    const auth = createAuth({ kv, code: async () => 'dev:u-1', login: async () => answer });
    auth.setRoles(['user', 'admin']);
    expect(kv.get(KEYS.session)).toBeUndefined();
    await auth.session();
    auth.setRoles(['user', 'staff:shuangliao-vocational']);
    expect(auth.current()).toMatchObject({ token: 'tok', roles: ['user', 'staff:shuangliao-vocational'] });
  });
});

describe('the people calls in services/api.ts', () => {
  beforeEach(() => {
    taroRequest.mockReset();
    taroRequest.mockResolvedValue({ statusCode: 200, data: {} });
  });
  const sent = () => {
    const call = taroRequest.mock.calls[0]?.[0] as { url: string; method: string; data?: unknown };
    return { url: call.url.replace('http://127.0.0.1:3000', ''), method: call.method, data: call.data };
  };

  it('name the routes of the table with the caller’s token', async () => {
    const cases: Array<[() => Promise<unknown>, ReturnType<typeof sent>]> = [
      [() => api.me(), { method: 'GET', url: '/me', data: undefined }],
      [
        () => api.redeemInvitation(CODE),
        { method: 'POST', url: '/invitations/redeem', data: { code: CODE } },
      ],
      [
        () => api.staffInvite({ schoolId: 'shuangliao-vocational', role: 'teacher', note: '张老师' }),
        {
          method: 'POST',
          url: '/staff/invitations',
          data: { schoolId: 'shuangliao-vocational', role: 'teacher', note: '张老师' },
        },
      ],
      [
        () => api.staffInvitations('shuangliao-vocational'),
        { method: 'GET', url: '/staff/invitations?schoolId=shuangliao-vocational', data: undefined },
      ],
      [
        () => api.staffCancelInvitation('0123456789abcdef01234567'),
        { method: 'DELETE', url: '/staff/invitations/0123456789abcdef01234567', data: undefined },
      ],
      [
        () => api.staffMembers('shuangliao-vocational'),
        { method: 'GET', url: '/staff/schools/shuangliao-vocational/members', data: undefined },
      ],
      [
        () => api.staffRemoveMember('shuangliao-vocational', 'u-teacher'),
        { method: 'DELETE', url: '/staff/schools/shuangliao-vocational/members/u-teacher', data: undefined },
      ],
    ];
    for (const [run, expected] of cases) {
      taroRequest.mockClear();
      await run();
      expect(sent()).toEqual(expected);
      expect(taroRequest.mock.calls[0]?.[0]).toMatchObject({ header: { Authorization: 'Bearer t0k' } });
    }
  });
});
