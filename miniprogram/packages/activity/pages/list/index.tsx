import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ACTIVITY_KINDS, type ActivityKind } from '@shared/schemas/activity';
import type { County } from '@shared/schemas/common';
import ActivityCard from '@/components/activity-card';
import Chips from '@/components/chips';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import StaleNote from '@/components/stale-note';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { useResource } from '@/hooks/use-resource';
import { useSettings } from '@/hooks/use-settings';
import { COUNTY_OPTIONS, daysFromNowIso, kindLabel, startOfTodayIso } from '@/lib/format';
import { routes } from '@/lib/routes';
import { api } from '@/services';
import { locate } from '../../lib/locate';
import { NO_POSITION, distanceText, nearParam, townshipsOf, type Point } from '../../lib/nearby';
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
  const [township, setTownship] = useState<string | null>(null);
  const [near, setNear] = useState<Point | null>(null);
  const [locating, setLocating] = useState(false);
  const [noPosition, setNoPosition] = useState(false);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: kindLabel(kind) });
  }, [kind]);

  // 乡镇: the townships of the chosen county's upcoming activities of this kind (one page of up to 50).
  const places = useResource(county ? `townships:${kind}:${county}` : null, () =>
    api.activities({ kind, county, from: startOfTodayIso(), limit: 50 }),
  );
  const townships = county ? townshipsOf(places.data?.items ?? []) : [];
  const chooseCounty = (c: County | null) => {
    setCounty(c);
    setTownship(null);
  };

  const nearText = near ? nearParam(near) : undefined;
  const key = `activities:${kind}:${county ?? 'all'}:${range ?? 'all'}:${township ?? 'all'}:${nearText ?? 'time'}`;
  const list = usePagedList(key, (cursor) =>
    api.activities({
      kind,
      county: county ?? undefined,
      township: township ?? undefined,
      near: nearText,
      from: startOfTodayIso(),
      to: range ? daysFromNowIso(RANGE_DAYS[range]) : undefined,
      cursor,
      limit: 10,
    }),
  );

  /** 离我最近: the position is asked for only now, roughly; a refusal leaves the list as it was. */
  const toggleNear = async () => {
    if (locating) return;
    if (near) {
      setNear(null);
      return;
    }
    setLocating(true);
    setNoPosition(false);
    try {
      setNear(await locate());
    } catch {
      setNoPosition(true);
    } finally {
      setLocating(false);
    }
  };

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
        onChange={chooseCounty}
        options={[{ value: null, label: '全市' }, ...COUNTY_OPTIONS]}
      />
      {townships.length > 1 || township ? (
        <Chips<string>
          label="乡镇"
          value={township}
          onChange={setTownship}
          options={[
            { value: null, label: '全部乡镇' },
            ...townships.map((t) => ({ value: t, label: t })),
            ...(township && !townships.includes(township) ? [{ value: township, label: township }] : []),
          ]}
        />
      ) : null}
      <Chips<Range> label="时间" value={range} onChange={setRange} options={RANGES} />
      <View className="alist__near">
        <SpButton
          small
          variant={near ? 'primary' : 'secondary'}
          disabled={locating}
          aria-pressed={!!near}
          onClick={() => void toggleNear()}
        >
          {locating ? '正在获取位置…' : '离我最近'}
        </SpButton>
        <View className="alist__near-note" role="status">
          {near ? '按离您的远近排列（只用大致位置，不保存）' : noPosition ? NO_POSITION : ''}
        </View>
      </View>
      <StaleNote show={list.stale} />
      {list.loading && !list.items.length ? <Loading /> : null}
      {list.error && !list.items.length ? <ErrorState error={list.error} onRetry={list.refresh} /> : null}
      {!list.loading && !list.error && !list.items.length ? (
        <EmptyState
          title="没有找到活动"
          hint={
            county || range || township
              ? '换一个区县或乡镇，或把时间放宽到“全部时间”试试。'
              : '近期还没有发布，下拉可以刷新，也可以过几天再来看看。'
          }
          action={county || range || township ? '看全市全部时间' : undefined}
          onAction={() => {
            chooseCounty(null);
            setRange(null);
          }}
        />
      ) : null}
      {list.items.map((a) => (
        <View key={a.id} className="alist__item">
          {a.distanceKm !== undefined ? (
            <View className="alist__distance">{distanceText(a.distanceKm)}</View>
          ) : null}
          <ActivityCard activity={a} onOpen={(id) => void Taro.navigateTo({ url: routes.activity(id) })} />
        </View>
      ))}
      {list.items.length ? (
        <View className="alist__foot">
          {list.loadingMore ? '正在加载…' : list.hasMore ? '上滑加载更多' : '已经到底了'}
        </View>
      ) : null}
    </PageShell>
  );
}
