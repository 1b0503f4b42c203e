/**
 * Issue 15's screens under jsdom: 续报 in one tap (the request carries this term's attendee; opening it again
 * books nobody twice), 账号与数据 (the export's file, 注销's confirmation, logout and refusal), 现场报名's form,
 * 名单's 签到, 使用微信手机号, and the subpackages' typed caller.
 */
import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { RosterEntry } from '@shared/api';
import type { Attendee, Signup, SignupWithActivity } from '@shared/schemas/signup';
import { callAs } from '@/lib/call-as';
import { routes } from '@/lib/routes';
import WechatPhone from '@/packages/activity/components/wechat-phone.weapp';
import RenewPage from '@/packages/activity/pages/renew';
import AccountPage from '@/packages/mine/pages/account';
import { saveJson } from '@/packages/mine/lib/save-json';
import WalkIn from '@/packages/staff/components/walk-in';
import StaffActivity from '@/packages/staff/pages/activity';
import { ApiError } from '@/services/errors';
import type { SignupRequest } from '@/services/outbox';
import { click } from './fixtures';

const mockParams: { params: Record<string, string> } = { params: {} };
const mockStorage = new Map<string, unknown>();
const mockSend = jest.fn();
const mockRequest = jest.fn(async (_options: unknown) => ({ ok: true }));
const mockListed: { items: SignupWithActivity[] } = { items: [] };
let mockRoster: RosterEntry[] = [];

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    redirectTo: jest.fn(),
    switchTab: jest.fn(),
    navigateTo: jest.fn(),
    reLaunch: jest.fn(async () => undefined),
    showToast: jest.fn(),
    showModal: jest.fn(),
    setClipboardData: jest.fn(),
    stopPullDownRefresh: jest.fn(),
    getStorageInfoSync: () => ({ keys: [...mockStorage.keys()] }),
    removeStorageSync: (key: string) => void mockStorage.delete(key),
    getStorageSync: (key: string) => mockStorage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void mockStorage.set(key, value),
  },
  useRouter: () => mockParams,
  useDidShow: () => undefined,
  usePullDownRefresh: () => undefined,
}));
jest.mock('@/hooks/use-settings', () => ({ useSettings: () => ({ elder: true }) }));
jest.mock('@/hooks/use-resource', () => ({
  useResource: (key: string | null) => ({
    data: key?.startsWith('staff:activity:')
      ? {
          activity: jest.requireActual('./fixtures').anActivity({
            startsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
            endsAt: new Date(Date.now() + 150 * 60_000).toISOString(),
            sessions: [
              {
                startsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
                endsAt: new Date(Date.now() + 150 * 60_000).toISOString(),
              },
            ],
          }),
          roster: mockRoster,
        }
      : undefined,
    error: null,
    loading: false,
    stale: false,
    reload: jest.fn(async () => undefined),
  }),
}));
jest.mock('@/lib/call-as', () => ({ callAs: jest.fn() }));
jest.mock('@/services/request', () => ({
  API_BASE: '/api',
  request: (options: unknown) => mockRequest(options),
}));
jest.mock('@/packages/mine/lib/save-json', () => ({ saveJson: jest.fn(async () => 'saved') }));
jest.mock('@/services/settings', () => ({ settings: { set: jest.fn(), get: () => ({}) } }));
jest.mock('@/services', () => {
  const { createOutbox } = jest.requireActual('@/services/outbox');
  const { memoryKv } = jest.requireActual('@/services/kv');
  const fixtures = jest.requireActual('./fixtures');
  return {
    api: {
      activity: jest.fn(async (id: string) => fixtures.anActivity({ id, title: '智能手机入门（2027春季）' })),
      signup: jest.fn(async () => {
        throw new Error('the list on the phone has the attendee');
      }),
    },
    auth: {
      current: () => ({ roles: ['user'] }),
      session: async () => ({ token: 't' }),
      withToken: <T,>(run: (token: string) => Promise<T>) => run('t0k'),
    },
    cache: { peek: () => ({ data: mockListed, savedAt: 0 }) },
    outbox: createOutbox({ kv: memoryKv(), send: (r: unknown) => mockSend(r) }),
    describeError: jest.requireActual('@/services/errors').describeError,
    isApiError: jest.requireActual('@/services/errors').isApiError,
  };
});

const call = callAs as unknown as jest.Mock;
const flush = () => act(async () => {});

/** Types into a Taro field the way its H5 input reports it (a custom event with detail.value). */
function type(container: HTMLElement, name: string, value: string) {
  const input = container.querySelector(`[name="${name}"]`) as Element;
  act(() => void fireEvent(input, new CustomEvent('input', { detail: { value } })));
}

const grandma: Attendee = { name: '张桂兰', phone: '13800138000', birthYear: 1956, relation: '本人' };

beforeEach(() => {
  jest.clearAllMocks();
  call.mockReset();
  mockStorage.clear();
  mockParams.params = {};
});

describe('续报 in one tap', () => {
  const thisTerm: SignupWithActivity = {
    id: 'su-1',
    activityId: 'act-1',
    userId: 'u-1',
    status: 'confirmed',
    attendee: grandma,
    createdAt: '2026-09-01T09:00:00+08:00',
    updatedAt: '2026-09-01T09:00:00+08:00',
    activity: {
      title: '智能手机入门',
      kind: 'senior',
      startsAt: '2026-09-08T09:00:00+08:00',
      endsAt: '2026-12-29T11:00:00+08:00',
      place: { township: '梨树镇', address: '老年大学' },
      cancelReason: null,
      status: 'scheduled',
    },
    nextActivityId: 'act-2',
  };

  it('signs the same attendee up for the next term and opens the result; opening it again sends nothing', async () => {
    mockListed.items = [thisTerm];
    mockSend.mockImplementation(async (r: SignupRequest) => ({
      id: 'su-2',
      activityId: r.activityId,
      userId: 'u-1',
      status: 'confirmed',
      attendee: r.attendee,
      createdAt: '2027-02-20T09:00:00+08:00',
      updatedAt: '2027-02-20T09:00:00+08:00',
    }));
    mockParams.params = { id: 'su-1', next: 'act-2' };
    render(<RenewPage />);
    expect(screen.getByText('正在为您续报下一期…')).toBeTruthy();
    await flush();
    expect(mockSend).toHaveBeenCalledTimes(1);
    const sent = mockSend.mock.calls[0]?.[0] as SignupRequest;
    expect({ activityId: sent.activityId, attendee: sent.attendee }).toEqual({
      activityId: 'act-2',
      attendee: grandma,
    });
    expect(sent.idempotencyKey).toMatch(/^su-/);
    const url = (Taro.redirectTo as jest.Mock).mock.calls[0]?.[0].url as string;
    expect(url).toBe(routes.result(sent.idempotencyKey));

    render(<RenewPage />);
    await flush();
    expect(mockSend).toHaveBeenCalledTimes(1);
    expect((Taro.redirectTo as jest.Mock).mock.calls[1]?.[0].url).toBe(url);
  });
});

describe('账号与数据', () => {
  it('exports the data as a .json file holding every sign-up', async () => {
    const data = {
      exportedAt: '2026-12-01T10:00:00+08:00',
      profile: { userId: 'u-1', shortId: 'ABCDEFGH', roles: ['user'], createdAt: '', wechatLinked: false },
      familyMembers: [],
      signups: [{ id: 'su-1', attendee: grandma }],
      subscriptions: {},
    };
    call.mockResolvedValueOnce(data);
    render(<AccountPage />);
    click(screen.getByText('导出我的数据'));
    await flush();
    expect(call).toHaveBeenCalledWith('GET /me/export', {});
    const [name, text] = (saveJson as jest.Mock).mock.calls[0] as [string, string];
    expect(name).toBe('四平职教通-我的数据-20261201.json');
    expect(JSON.parse(text)).toEqual(data);
    expect(screen.getByText('已导出：共 1 条报名、0 位家庭成员')).toBeTruthy();
  });

  it('says what 注销 does, then closes the account, logs out on the phone and goes home', async () => {
    for (const key of ['sp.session', 'sp.devIdentity', 'sp.outbox', 'sp.cache:me', 'sp.settings'])
      mockStorage.set(key, { data: key });
    call.mockResolvedValueOnce({ closedAt: '2026-12-01T10:00:00+08:00', released: 1, anonymized: 2 });
    render(<AccountPage />);
    click(screen.getByText('注销账号'));
    expect(screen.getByText('确认注销账号')).toBeTruthy();
    expect(screen.getByText(/名额自动让给排队候补的人/)).toBeTruthy();
    expect(screen.getByText(/姓名、手机号都会删除/)).toBeTruthy();
    expect(screen.getByText(/这部手机会退出登录/)).toBeTruthy();
    expect(call).not.toHaveBeenCalled();

    click(screen.getByText('确认注销'));
    await flush();
    expect(call).toHaveBeenCalledWith('DELETE /me', {});
    expect([...mockStorage.keys()]).toEqual(['sp.settings']);
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: routes.home });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '账号已注销', icon: 'success' });
  });

  it('shows the server’s refusal and keeps everything when a teacher tries', async () => {
    mockStorage.set('sp.session', { data: 's' });
    call.mockRejectedValueOnce(
      new ApiError(409, 'ACCOUNT_HAS_ROLES', '您还是学校的老师或管理员：请先请学校管理员移除您，再注销账号'),
    );
    render(<AccountPage />);
    click(screen.getByText('注销账号'));
    click(screen.getByText('确认注销'));
    await flush();
    expect(screen.getByRole('alert').textContent).toContain('请先请学校管理员移除您');
    expect(mockStorage.has('sp.session')).toBe(true);
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    click(screen.getByText('不注销了'));
    expect(screen.getByText('导出我的数据')).toBeTruthy();
  });
});

describe('现场报名', () => {
  it('checks the boxes before sending, then sends the walk-in and hands back the sign-up', async () => {
    const done = jest.fn();
    const { container } = render(
      <WalkIn activity={{ id: 'act-1', kind: 'outreach' }} onDone={done} onClose={jest.fn()} />,
    );
    click(screen.getByText('登记并签到'));
    expect(screen.getByText('请填写姓名')).toBeTruthy();
    expect(screen.getByText('送教下乡报名需要填写所在村屯')).toBeTruthy();
    expect(call).not.toHaveBeenCalled();

    const walkIn = { id: 'su-9', attendee: { name: '王大山' }, walkIn: true } as Signup;
    call.mockResolvedValueOnce(walkIn);
    type(container, 'walk-in-name', '王大山');
    type(container, 'walk-in-phone', '139 1234 5678');
    type(container, 'walk-in-village', '新立村');
    click(screen.getByText('登记并签到'));
    await flush();
    expect(call).toHaveBeenCalledWith('POST /staff/activities/{id}/walk-ins', {
      params: { id: 'act-1' },
      body: { attendee: { name: '王大山', phone: '13912345678', village: '新立村' } },
    });
    expect(done).toHaveBeenCalledWith(walkIn);
  });

  it('keeps the form with the server’s reason when it refuses', async () => {
    const { container } = render(
      <WalkIn activity={{ id: 'act-1', kind: 'training' }} onDone={jest.fn()} onClose={jest.fn()} />,
    );
    type(container, 'walk-in-name', '王大山');
    type(container, 'walk-in-phone', '13912345678');
    call.mockRejectedValueOnce(new ApiError(409, 'ACTIVITY_FULL', '名额已满，不能再现场报名了'));
    click(screen.getByText('登记并签到'));
    await flush();
    expect(screen.getByRole('alert').textContent).toBe('名额已满，不能再现场报名了');
    expect((container.querySelector('[name="walk-in-name"]') as HTMLInputElement).getAttribute('value')).toBe(
      '王大山',
    );
  });
});

describe('名单签到', () => {
  const row = (id: string, name: string, over: Partial<RosterEntry> = {}): RosterEntry => ({
    id,
    activityId: 'act-1',
    userId: 'cadre',
    status: 'confirmed',
    attendee: { name, phone: '13800138000', village: '新立村' },
    createdAt: '2027-03-01T09:00:00+08:00',
    updatedAt: '2027-03-01T09:00:00+08:00',
    checkInCount: 0,
    ...over,
  });

  it('ticks a confirmed person off; one already checked in reads 已签到; a walk-in 现场 · 已签到', async () => {
    mockParams.params = { id: 'act-1' };
    mockRoster = [
      row('su-1', '李秀兰'),
      row('su-2', '赵淑芬'),
      row('su-3', '王大山', { walkIn: true, checkInCount: 1 }),
      row('su-4', '孙桂香', { status: 'waitlisted', waitlistPosition: 1 }),
    ];
    call.mockResolvedValueOnce({
      signupId: 'su-1',
      attendee: { name: '李秀兰' },
      activity: { id: 'act-1', title: '秸秆还田现场课' },
      session: { index: 0, startsAt: '', endsAt: '' },
      checkedInAt: '',
    });
    call.mockRejectedValueOnce(new ApiError(409, 'ALREADY_CHECKED_IN', '这位参加人本次已经签到过了'));
    render(<StaffActivity />);
    expect(screen.getByText('现场 · 已签到')).toBeTruthy();
    expect(screen.getByText('候补第 1 位')).toBeTruthy();
    expect(screen.getAllByText('签到')).toHaveLength(3); // the page's 签到 by code, and two rows

    const rowOf = (name: string) => screen.getByText(new RegExp(name)).closest('.staff__row') as HTMLElement;
    click(rowOf('李秀兰').querySelector('.sp-btn') as Element);
    await flush();
    expect(call).toHaveBeenCalledWith('POST /staff/activities/{id}/attendance', {
      params: { id: 'act-1' },
      body: { signupId: 'su-1' },
    });
    expect(rowOf('李秀兰').textContent).toContain('已签到');

    click(rowOf('赵淑芬').querySelector('.sp-btn') as Element);
    await flush();
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(rowOf('赵淑芬').textContent).toContain('已签到');
    expect(screen.getAllByText('已签到')).toHaveLength(2);
  });
});

describe('使用微信手机号 (WeChat)', () => {
  it('exchanges the button’s code for the number, and shows the server’s message when it cannot', async () => {
    const onPhone = jest.fn();
    const onError = jest.fn();
    const { container } = render(<WechatPhone onPhone={onPhone} onError={onError} />);
    // Taro's components listen for `onGetPhoneNumber` as the element's `getphonenumber` event.
    const button = container.querySelector('.sp-btn') as Element;
    const tap = (detail: unknown) =>
      act(async () => void button.dispatchEvent(new CustomEvent('getphonenumber', { detail })));
    call.mockResolvedValueOnce({ phone: '13800138000' });
    await tap({ code: 'code-12345678' });
    expect(call).toHaveBeenCalledWith('POST /me/phone', { body: { code: 'code-12345678' } });
    expect(onPhone).toHaveBeenCalledWith('13800138000');

    call.mockRejectedValueOnce(new ApiError(400, 'INVALID_PHONE_CODE', '微信手机号授权已失效'));
    await tap({ code: 'code-87654321' });
    expect(onError).toHaveBeenCalledWith('微信手机号授权已失效');

    // Declined: no code, no call; the field stays as it was.
    await tap({ errMsg: 'getPhoneNumber:fail user deny' });
    expect(call).toHaveBeenCalledTimes(2);
  });
});

describe('the subpackages’ typed caller', () => {
  it('fills the path’s parameters and sends the body with the token', async () => {
    const real = jest.requireActual<{ callAs: typeof callAs }>('@/lib/call-as');
    await real.callAs('POST /staff/activities/{id}/attendance', {
      params: { id: 'act 1' },
      body: { signupId: 'su-1' },
    });
    expect(mockRequest).toHaveBeenCalledWith({
      method: 'POST',
      path: '/staff/activities/act%201/attendance',
      query: undefined,
      body: { signupId: 'su-1' },
      token: 't0k',
    });
  });
});
