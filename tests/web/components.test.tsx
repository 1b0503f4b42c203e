import { render, screen } from '@testing-library/react';
import { click } from './fixtures';
import type { Activity } from '@shared/schemas/activity';
import ActivityCard from '@/components/activity-card';
import Contact, { NO_CONTACT } from '@/components/contact';
import CountyPicker from '@/components/county-picker';
import Field from '@/components/field';
import { applyRootFontSize, ROOT_PX } from '@/components/page-shell';
import StaleNote, { STALE_TEXT } from '@/components/stale-note';
import { EmptyState, ErrorState, LoadingOrError } from '@/components/state-view';
import { ApiError, NetworkError } from '@/services/errors';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    openLocation: jest.fn(),
    makePhoneCall: jest.fn(),
    getStorageSync: jest.fn(),
    setStorageSync: jest.fn(),
  },
}));

/** Only what a card reads; the rest of Activity does not matter here. */
const activity = {
  id: 'act-1',
  kind: 'senior',
  title: '智能手机使用入门',
  description: '',
  schoolId: 'lishu-senior-univ',
  county: '梨树县',
  place: { township: '梨树镇', address: '梨树县老年大学' },
  startsAt: '2026-12-08T09:00:00+08:00',
  endsAt: '2027-02-09T10:30:00+08:00',
  sessions: [
    { startsAt: '2026-12-08T09:00:00+08:00', endsAt: '2026-12-08T10:30:00+08:00' },
    { startsAt: '2026-12-15T09:00:00+08:00', endsAt: '2026-12-15T10:30:00+08:00' },
  ],
  capacity: 30,
  seatsLeft: 0,
  waitlistLength: 2,
  signupOpensAt: '2026-11-30T00:00:00+08:00',
  signupClosesAt: '2026-12-07T00:00:00+08:00',
  status: 'open',
  cancelReason: null,
  sample: true,
  createdAt: '2026-11-30T00:00:00+08:00',
  updatedAt: '2026-11-30T00:00:00+08:00',
} as Activity;

/** Taro's H5 components are custom elements; clicks are dispatched on the host like the router does. */

describe('components under jsdom', () => {
  it('an activity card shows time, place and 已满，可候补, and opens the activity', () => {
    const onOpen = jest.fn();
    const { container } = render(<ActivityCard activity={activity} onOpen={onOpen} />);
    expect(screen.getByText('智能手机使用入门')).toBeTruthy();
    expect(container.textContent).toContain('12月8日 周二 09:00（共 2 次课，每周二）');
    expect(container.textContent).toContain('梨树镇 · 梨树县老年大学');
    expect(screen.getByText('已满，可候补')).toBeTruthy();
    click(container.querySelector('.sp-activity') as Element);
    expect(onOpen).toHaveBeenCalledWith('act-1');
  });

  it('an error says why and offers 重试', () => {
    const onRetry = jest.fn();
    render(<ErrorState error={new NetworkError()} onRetry={onRetry} />);
    expect(screen.getByText('网络连接不可用，请检查网络后重试')).toBeTruthy();
    click(screen.getByText('重试'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('a server error shows the server’s Chinese message', () => {
    render(
      <ErrorState
        error={new ApiError(404, 'NOT_FOUND', '没有找到相关内容，可能已被删除')}
        onRetry={() => {}}
      />,
    );
    expect(screen.getByText('没有找到相关内容，可能已被删除')).toBeTruthy();
    expect(screen.getByText('没有加载出来')).toBeTruthy();
  });

  it('a page still without its data shows 正在加载… until there is a failure, then the failure and 重试', () => {
    const onRetry = jest.fn();
    const { rerender } = render(<LoadingOrError error={null} onRetry={onRetry} />);
    expect(screen.getByRole('status').textContent).toBe('正在加载…');
    rerender(<LoadingOrError error={new NetworkError()} onRetry={onRetry} />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('网络不太好');
    click(screen.getByText('重试'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('an empty list says what to try and offers the way out', () => {
    const onAction = jest.fn();
    render(
      <EmptyState title="没有找到活动" hint="换一个区县试试。" action="看全市全部时间" onAction={onAction} />,
    );
    expect(screen.getByText('换一个区县试试。')).toBeTruthy();
    click(screen.getByText('看全市全部时间'));
    expect(onAction).toHaveBeenCalled();
  });

  it('contact shows 暂无公开联系方式 and no map when the school has published nothing', () => {
    render(<Contact name="梨树县职教中心" phone={null} address={null} location={null} />);
    expect(screen.getByText(NO_CONTACT)).toBeTruthy();
    expect(screen.queryByText('打开地图')).toBeNull();
  });

  it('contact offers 打开地图 only with a location', () => {
    const { rerender } = render(
      <Contact name="学校" phone="0434-1234567" address="四平市铁西区" location={null} />,
    );
    expect(screen.getByText('0434-1234567')).toBeTruthy();
    expect(screen.queryByText('打开地图')).toBeNull();
    rerender(
      <Contact name="学校" phone={null} address="四平市铁西区" location={{ lat: 43.17, lng: 124.35 }} />,
    );
    expect(screen.getByText('打开地图')).toBeTruthy();
  });

  it('the county picker shows 选择区县 and the five counties plus 全市', () => {
    const onChange = jest.fn();
    render(<CountyPicker value="梨树县" onChange={onChange} />);
    expect(screen.getByText('选择区县')).toBeTruthy();
    click(screen.getByText('更改'));
    for (const c of ['全市', '铁西区', '铁东区', '伊通满族自治县', '双辽市'])
      expect(screen.getByText(c)).toBeTruthy();
    click(screen.getByText('双辽市'));
    expect(onChange).toHaveBeenCalledWith('双辽市');
    expect(screen.queryByText('伊通满族自治县')).toBeNull();
  });

  it('a field shows its label and its error as an alert', () => {
    render(
      <Field
        name="phone"
        label="手机号"
        value="123"
        onInput={() => {}}
        error="请填写 11 位手机号，例如 13800138000"
      />,
    );
    expect(screen.getByText('手机号')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('请填写 11 位手机号，例如 13800138000');
  });

  it('the stale note appears only when the data is from storage', () => {
    const { rerender } = render(<StaleNote show={false} />);
    expect(screen.queryByText(STALE_TEXT)).toBeNull();
    rerender(<StaleNote show />);
    expect(screen.getByText('当前离线，显示的是上次加载的内容')).toBeTruthy();
  });

  it('长辈模式 sets the H5 root font size to 22 px (16 px normally)', () => {
    applyRootFontSize(true);
    expect(document.documentElement.style.fontSize).toBe(`${ROOT_PX.elder}px`);
    expect(document.documentElement.classList.contains('sp-elder')).toBe(true);
    applyRootFontSize(false);
    expect(document.documentElement.style.fontSize).toBe('16px');
    expect(document.documentElement.classList.contains('sp-elder')).toBe(false);
  });
});
