import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { Activity } from '@shared/schemas/activity';
import type { Major } from '@shared/schemas/catalog';
import { routes } from '@/lib/routes';
import ActivityGroup from '@/packages/catalog/components/activity-group';
import MajorRows from '@/packages/catalog/components/major-rows';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { navigateTo: jest.fn() } }));

const click = (el: Element) => act(() => void fireEvent.click(el));

/** Only what a row or a card reads. */
const major = (id: string, name: string, group: Major['group'], level: Major['level']) =>
  ({ id, name, group, level, schoolId: 'sp-vocational' }) as Major;
const activity = (id: string, kind: Activity['kind'], title: string) =>
  ({
    id,
    kind,
    title,
    description: '',
    schoolId: 'lishu-senior-univ',
    county: '梨树县',
    place: { township: '梨树镇', address: '梨树县老年大学' },
    startsAt: '2026-12-08T09:00:00+08:00',
    endsAt: '2026-12-08T10:30:00+08:00',
    sessions: [{ startsAt: '2026-12-08T09:00:00+08:00', endsAt: '2026-12-08T10:30:00+08:00' }],
    capacity: 30,
    seatsLeft: 12,
    waitlistLength: 0,
    signupOpensAt: '2026-11-30T00:00:00+08:00',
    signupClosesAt: '2026-12-07T00:00:00+08:00',
    status: 'open',
    cancelReason: null,
  }) as Activity;

describe('the catalog’s lists', () => {
  beforeEach(() => jest.clearAllMocks());

  it('a major row shows the name, 方向 and 层次, and opens the major', () => {
    render(
      <MajorRows
        majors={[major('m-1', '护理', '医药卫生', '中职'), major('m-2', '电子商务', '财经商贸', '高职专科')]}
      />,
    );
    for (const text of ['护理', '医药卫生', '中职', '电子商务', '财经商贸', '高职专科']) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    click(screen.getByText('电子商务'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: routes.major('m-2') });
  });

  it('an activity group shows its title and each activity with its kind, and opens the one tapped', () => {
    const { container } = render(
      <ActivityGroup
        title="近期活动"
        activities={[
          activity('a-1', 'senior', '智能手机使用入门'),
          activity('a-2', 'outreach', '秸秆还田现场课'),
        ]}
      />,
    );
    expect(container.querySelector('.catalog__group-title')?.textContent).toBe('近期活动');
    expect(Array.from(container.querySelectorAll('.sp-activity__kind')).map((k) => k.textContent)).toEqual([
      '老年大学',
      '送教下乡',
    ]);
    click(screen.getByText('秸秆还田现场课'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: routes.activity('a-2') });
  });
});
