import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { Activity } from '@shared/schemas/activity';
import { routes } from '@/lib/routes';
import StaffPublish from '@/packages/staff/pages/publish';
import { api } from '@/services';
import { ApiError } from '@/services/errors';
import { anActivity, click } from './fixtures';

/** `?id=` of the page, and the activity 编辑活动 reads for it. */
const mockRoute: { params: Record<string, string> } = { params: {} };
let mockEditing: Activity | undefined;

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { showToast: jest.fn(), showModal: jest.fn(), redirectTo: jest.fn() },
  useRouter: () => mockRoute,
}));
jest.mock('@/hooks/use-settings', () => ({ useSettings: () => ({ elder: false }) }));
jest.mock('@/hooks/use-resource', () => ({
  useResource: (key: string | null) => ({
    data: key?.startsWith('activity:') ? mockEditing : undefined,
    error: null,
    loading: false,
    stale: false,
    reload: jest.fn(),
  }),
}));
jest.mock('@/services', () => ({
  api: {
    staffCreateActivity: jest.fn(async () => ({ id: 'act-new' })),
    staffUpdateActivity: jest.fn(async () => ({ id: 'act-1' })),
  },
  auth: { current: () => ({ roles: ['staff:lishu-senior-univ'] }) },
  describeError: jest.requireActual('@/services/errors').describeError,
  isApiError: jest.requireActual('@/services/errors').isApiError,
}));

const chip = (label: string) => screen.getByRole('button', { name: label });
const pressed = (label: string) => chip(label).getAttribute('aria-pressed');

/** Types into a form field the way Taro's H5 input reports it (a custom event with detail.value). */
function type(container: HTMLElement, key: string, value: string) {
  const input = container.querySelector(`[name="publish-${key}"]`) as Element;
  act(() => void fireEvent(input, new CustomEvent('input', { detail: { value } })));
}

/** Fills what the defaults leave empty, so that 发布 sends. */
function fillPlace(container: HTMLElement, title: string, county: string) {
  type(container, 'title', title);
  type(container, 'township', '梨树镇');
  type(container, 'address', '村委会大院');
  click(chip(county));
}

describe('发布活动 (staff publish page)', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    mockRoute.params = {};
    mockEditing = undefined;
  });

  it('starts on 送教下乡, 一次活动, 先到先得, 不限 and 自动递补, with no county chosen', () => {
    render(<StaffPublish />);
    for (const on of ['送教下乡', '一次活动', '先到先得', '不限', '自动递补'])
      expect(pressed(on)).toBe('true');
    for (const off of ['老年大学', '每周上课', '摇号', '限本县居民', '限时确认', '双辽市']) {
      expect(pressed(off)).toBe('false');
    }
    expect(screen.getByText('日期')).toBeTruthy();
    expect(screen.queryByText('摇号时间')).toBeNull();
    expect(screen.queryByText('确认时限（小时）')).toBeNull();
  });

  it('a tap on a chip sets its field: the form shows what follows and sends it', async () => {
    const { container } = render(<StaffPublish />);
    fillPlace(container, '书法入门', '梨树县');
    click(chip('老年大学'));
    click(chip('每周上课'));
    click(chip('摇号'));
    click(chip('限本县居民'));
    click(chip('限时确认'));
    for (const on of ['老年大学', '梨树县', '每周上课', '摇号', '限本县居民', '限时确认']) {
      expect(pressed(on)).toBe('true');
    }
    expect(pressed('送教下乡')).toBe('false');
    expect(pressed('不限')).toBe('false');
    expect(screen.queryByText('日期')).toBeNull();
    for (const shown of ['星期几（1–7）', '摇号时间', '确认时限（小时）'])
      expect(screen.getByText(shown)).toBeTruthy();

    click(screen.getByText('发布'));
    await act(async () => {});
    expect(api.staffCreateActivity).toHaveBeenCalledTimes(1);
    expect(api.staffCreateActivity).toHaveBeenCalledWith(
      expect.objectContaining({
        kind: 'senior',
        county: '梨树县',
        schoolId: 'lishu-senior-univ',
        schedule: expect.objectContaining({ skipDates: [] }),
        enrolment: 'lottery',
        residentsOnly: true,
        waitlist: 'offer',
        offerHours: 24,
      }),
    );
  });

  it('a second tap on 不限 turns 限本县居民 off again', async () => {
    const { container } = render(<StaffPublish />);
    fillPlace(container, '秸秆还田现场课', '双辽市');
    click(chip('限本县居民'));
    click(chip('不限'));
    expect(pressed('不限')).toBe('true');
    click(screen.getByText('发布'));
    await act(async () => {});
    const sent = (api.staffCreateActivity as jest.Mock).mock.calls[0][0];
    expect(sent).toMatchObject({ kind: 'outreach', county: '双辽市' });
    expect(sent).not.toHaveProperty('residentsOnly');
    expect(sent).not.toHaveProperty('enrolment');
    expect(sent).not.toHaveProperty('schedule');
  });

  it('a refused 发布 marks the field the server names and says 没有发布成功', async () => {
    const refusal = new ApiError(400, 'VALIDATION_FAILED', '请填写乡镇（街道）', [
      { field: 'place.township', message: '请填写乡镇（街道）' },
    ]);
    (api.staffCreateActivity as jest.Mock).mockRejectedValueOnce(refusal);
    const { container } = render(<StaffPublish />);
    fillPlace(container, '秸秆还田现场课', '双辽市');
    click(screen.getByText('发布'));
    await act(async () => {});
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '没有发布成功' }));
    expect(screen.getByRole('alert').textContent).toBe('请填写乡镇（街道）');
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('编辑活动 hides the choices fixed at publishing and 保存修改 sends the change to that activity', async () => {
    mockRoute.params = { id: 'act-1' };
    mockEditing = anActivity({ id: 'act-1' });
    const { container } = render(<StaffPublish />);
    for (const fixed of ['活动类型', '时间', '报名方式', '候补方式'])
      expect(screen.queryByText(fixed)).toBeNull();
    expect(pressed('梨树县')).toBe('true');
    type(container, 'capacity', '60');
    click(screen.getByText('保存修改'));
    await act(async () => {});
    expect(api.staffUpdateActivity).toHaveBeenCalledWith('act-1', expect.objectContaining({ capacity: 60 }));
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: routes.staffActivity('act-1') });
  });
});
