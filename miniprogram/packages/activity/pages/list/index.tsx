import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ACTIVITY_KINDS, type ActivityKind } from '@shared/schemas/activity';
import type { County } from '@shared/schemas/common';
import ActivityCard from '@/components/activity-card';
import Chips from '@/components/chips';
import PageShell from '@/components/page-shell';
import StaleNote from '@/components/stale-note';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { useSettings } from '@/hooks/use-settings';
import { COUNTY_OPTIONS, daysFromNowIso, kindLabel, startOfTodayIso } from '@/lib/format';
import { routes } from '@/lib/routes';
import { api } from '@/services';
import './index.scss';

type Range = 'week' | 'month' | 'quarter';
const RANGES: Array<{ value: Range | null; label: string }> = [
  { value: null, label: '全部时间' },
  { value: 'week', label: '7天内' },
  { value: 'month', label: '30天内' },
  { value: 'quarter', label: '3个月内' },
];
const RANGE_DAYS: Record<Range, number> = { week: 7, month: 30, quarter: 90 };

const INTRO: Record<ActivityKind, string> = {
  outreach: '学校老师到乡镇、村屯上课：养殖、黑土地保护、农产品直播带货等。',
  senior: '各区县老年大学的课程：智能手机、书法、太极、合唱等，每周上课。',
  training: '职业技能培训和 1+X 证书培训、考试。',
  community: '社区教育学院在街道、社区开的课。',
};

export default function ActivityList() {
  const params = useRouter().params;
  const kind: ActivityKind = ACTIVITY_KINDS.includes(params.kind as ActivityKind)
    ? (params.kind as ActivityKind)
    : 'outreach';
  const remembered = useSettings().county;
  const [county, setCounty] = useState<County | null>(remembered);
  const [range, setRange] = useState<Range | null>(null);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: kindLabel(kind) });
  }, [kind]);

  const key = `activities:${kind}:${county ?? 'all'}:${range ?? 'all'}`;
  const list = usePagedList(key, (cursor) =>
    api.activities({
      kind,
      county: county ?? undefined,
      from: startOfTodayIso(),
      to: range ? daysFromNowIso(RANGE_DAYS[range]) : undefined,
      cursor,
      limit: 10,
    }),
  );

  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  return (
    <PageShell title={kindLabel(kind)} className="alist">
      <View className="alist__title">{kindLabel(kind)}</View>
      <View className="alist__intro">{INTRO[kind]}</View>
      <Chips<County>
        label="区县"
        value={county}
        onChange={setCounty}
        options={[{ value: null, label: '全市' }, ...COUNTY_OPTIONS]}
      />
      <Chips<Range> label="时间" value={range} onChange={setRange} options={RANGES} />
      <StaleNote show={list.stale} />
      {list.loading && !list.items.length ? <Loading /> : null}
      {list.error && !list.items.length ? <ErrorState error={list.error} onRetry={list.refresh} /> : null}
      {!list.loading && !list.error && !list.items.length ? (
        <EmptyState
          title="没有找到活动"
          hint={
            county || range
              ? '换一个区县，或把时间放宽到“全部时间”试试。'
              : '近期还没有发布，下拉可以刷新，也可以过几天再来看看。'
          }
          action={county || range ? '看全市全部时间' : undefined}
          onAction={() => {
            setCounty(null);
            setRange(null);
          }}
        />
      ) : null}
      {list.items.map((a) => (
        <ActivityCard
          key={a.id}
          activity={a}
          onOpen={(id) => void Taro.navigateTo({ url: routes.activity(id) })}
        />
      ))}
      {list.items.length ? (
        <View className="alist__foot">
          {list.loadingMore ? '正在加载…' : list.hasMore ? '上滑加载更多' : '已经到底了'}
        </View>
      ) : null}
    </PageShell>
  );
}
