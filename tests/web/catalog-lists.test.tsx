import Taro from '@tarojs/taro';
import { render, screen } from '@testing-library/react';
import type { Major } from '@shared/schemas/catalog';
import { routes } from '@/lib/routes';
import ActivityGroup from '@/packages/catalog/components/activity-group';
import MajorRows from '@/packages/catalog/components/major-rows';
import { anActivity, click } from './fixtures';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { navigateTo: jest.fn() } }));

/** Only what a row reads. */
const major = (id: string, name: string, group: Major['group'], level: Major['level']) =>
  ({ id, name, group, level, schoolId: 'sp-vocational' }) as Major;

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
          anActivity({ id: 'a-1', kind: 'senior', title: '智能手机使用入门' }),
          anActivity({ id: 'a-2', kind: 'outreach', title: '秸秆还田现场课' }),
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
