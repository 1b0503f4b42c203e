import { render, screen } from '@testing-library/react';
import { click } from './fixtures';
import type { SignupBatchResult } from '@shared/api';
import GroupResults, { type GroupResultsProps } from '@/packages/activity/components/group-results';
import { outcomeText, refusedLines, summaryText, type GroupAnswer } from '@/lib/group-results';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const ok = (name: string, phone: string): SignupBatchResult => ({
  attendee: { name, phone, village: '五里村' },
  status: 'confirmed',
  signupId: `s-${phone}`,
});
const waiting = (name: string, phone: string, position?: number): SignupBatchResult => ({
  attendee: { name, phone, village: '五里村' },
  status: 'waitlisted',
  signupId: `s-${phone}`,
  ...(position ? { waitlistPosition: position } : {}),
});

/** An answer as POST /signups/batch gives it: in the order sent, refusals with the server's own message. */
const answer = {
  results: [
    ok('张桂兰', '13800138000'),
    waiting('李国强', '13904345678', 2),
    waiting('王秀英', '13704341234'),
    {
      attendee: { name: '赵德福', phone: '13604345678', village: '五里村' },
      error: { code: 'DUPLICATE_SIGNUP', message: '这位参加人已经报过这个活动了，可在“我的报名”中查看' },
    },
    {
      attendee: { name: '孙玉珍', phone: '135', village: '五里村' },
      error: {
        code: 'VALIDATION_FAILED',
        message: '请填写 11 位手机号，例如 13800138000',
        fields: [{ field: 'attendee.phone', message: '请填写 11 位手机号，例如 13800138000' }],
      },
    },
  ],
  lines: [
    '张桂兰 13800138000 五里村',
    '李国强，13904345678，五里村',
    '王秀英 13704341234 五里村',
    '4. 赵德福\t13604345678\t五里村',
    '孙玉珍 135 五里村',
  ],
} satisfies GroupAnswer;

/** The results screen with no-op buttons, except those a test watches. */
function renderResults(shown: GroupAnswer, handlers: Partial<Omit<GroupResultsProps, 'answer'>> = {}) {
  return render(
    <GroupResults
      answer={shown}
      onRetryRefused={() => {}}
      onCopyRefused={() => {}}
      onMine={() => {}}
      onNewList={() => {}}
      {...handlers}
    />,
  );
}

describe('团体报名 results', () => {
  it('says each outcome in words: 报名成功, 候补第 N 位 or 候补中, 已申请，等待摇号, 未报上 with the reason', () => {
    expect(answer.results.map(outcomeText)).toEqual([
      '报名成功',
      '候补第 2 位',
      '候补中',
      '未报上：这位参加人已经报过这个活动了，可在“我的报名”中查看',
      '未报上：请填写 11 位手机号，例如 13800138000',
    ]);
    expect(outcomeText({ attendee: {}, status: 'applied', signupId: 's-1' })).toBe('已申请，等待摇号');
  });

  it('sums up only the outcomes that happened, in a fixed order', () => {
    expect(summaryText(answer.results)).toBe('成功 1 人 · 候补 2 人 · 未报上 2 人');
    expect(summaryText([ok('张桂兰', '13800138000'), ok('李国强', '13904345678')])).toBe('成功 2 人');
    const lottery: SignupBatchResult[] = [
      { attendee: {}, status: 'applied', signupId: 'a' },
      { attendee: {}, status: 'applied', signupId: 'b' },
      { attendee: {}, error: { code: 'NOT_ELIGIBLE', message: '本课程需年满 50 周岁' } },
    ];
    expect(summaryText(lottery)).toBe('已申请 2 人 · 未报上 1 人');
  });

  it('gives back the refused people’s lines exactly as they were typed', () => {
    expect(refusedLines(answer)).toEqual(['4. 赵德福\t13604345678\t五里村', '孙玉珍 135 五里村']);
    // Without the typed lines (an older draft), a line is rebuilt from what the server echoed.
    expect(refusedLines({ results: answer.results, lines: [] })).toEqual([
      '赵德福 13604345678 五里村',
      '孙玉珍 135 五里村',
    ]);
  });

  it('renders the summary, every person in order with a masked phone and their outcome', () => {
    const { container } = renderResults(answer);
    expect(screen.getByRole('status').textContent).toBe('成功 1 人 · 候补 2 人 · 未报上 2 人');
    const rows = Array.from(container.querySelectorAll('.group-results__row'));
    expect(rows.map((r) => r.querySelector('.group-results__person')?.textContent)).toEqual([
      '1. 张桂兰 138****8000',
      '2. 李国强 139****5678',
      '3. 王秀英 137****1234',
      '4. 赵德福 136****5678',
      '5. 孙玉珍 135',
    ]);
    expect(rows.map((r) => r.querySelector('.group-results__outcome')?.textContent)).toEqual([
      '报名成功',
      '候补第 2 位',
      '候补中',
      '未报上：这位参加人已经报过这个活动了，可在“我的报名”中查看',
      '未报上：请填写 11 位手机号，例如 13800138000',
    ]);
    // Each row carries its outcome's tone: success, waitlist and refusal look different.
    expect(rows.map((r) => r.className.match(/group-results__row--(\w+)/)?.[1])).toEqual([
      'confirmed',
      'waitlisted',
      'waitlisted',
      'refused',
      'refused',
    ]);
  });

  it('offers to put only the refused people back in the box, or to copy them', () => {
    const onRetryRefused = jest.fn();
    const onCopyRefused = jest.fn();
    const onNewList = jest.fn();
    renderResults(answer, { onRetryRefused, onCopyRefused, onNewList });
    click(screen.getByText('修改未报上的 2 人'));
    expect(onRetryRefused).toHaveBeenCalledWith(['4. 赵德福\t13604345678\t五里村', '孙玉珍 135 五里村']);
    click(screen.getByText('复制未报上的名单'));
    expect(onCopyRefused).toHaveBeenCalledWith('4. 赵德福\t13604345678\t五里村\n孙玉珍 135 五里村');
    click(screen.getByText('再报一批'));
    expect(onNewList).toHaveBeenCalledTimes(1);
  });

  it('offers no fixing when everyone got a seat or a waitlist place', () => {
    renderResults({ results: [ok('张桂兰', '13800138000'), waiting('李国强', '13904345678', 1)], lines: [] });
    expect(screen.getByRole('status').textContent).toBe('成功 1 人 · 候补 1 人');
    expect(screen.getByText('候补第 1 位')).toBeTruthy();
    expect(screen.queryByText(/修改未报上/)).toBeNull();
    expect(screen.queryByText('复制未报上的名单')).toBeNull();
    expect(screen.getByText('查看我的报名')).toBeTruthy();
  });
});
