import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import type { County } from '@shared/schemas/common';
import Chips from '@/components/chips';
import PageShell from '@/components/page-shell';
import StaleNote from '@/components/stale-note';
import { EmptyState, LoadingOrError } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import SchoolRows from '../../components/school-rows';
import { catalogApi } from '../../lib/catalog-api';
import { routes } from '@/lib/routes';
import {
  COUNTY_CHOICES,
  KIND_LABELS,
  mergeSchools,
  schoolQueries,
  type KindChoice,
} from '../../lib/school-filters';
import '../catalog.scss';

/** 学校: every school of the city, by 区县 and 类型, each with its 在招 majors and phone. */
export default function Schools() {
  const [county, setCounty] = useState<County | null>(null);
  const [kind, setKind] = useState<KindChoice | null>(null);
  const schools = useResource(`schools:${county ?? ''}:${kind ?? ''}`, async () =>
    mergeSchools(
      (await Promise.all(schoolQueries(county, kind).map((q) => catalogApi.schools(q)))).map((p) => p.items),
    ),
  );
  usePullDownRefresh(() => {
    void schools.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useShareAppMessage(() => ({
    title: '四平市的职业院校：专业、电话和在招情况',
    path: routes.schools,
  }));

  const items = schools.data ?? [];
  return (
    <PageShell title="学校" className="catalog">
      <View className="catalog__title">四平的学校</View>
      <View className="catalog__sub">看看每所学校在哪、招哪些专业，电话打过去问问。</View>
      <Chips<County>
        label="区县"
        value={county}
        onChange={setCounty}
        options={COUNTY_CHOICES.map((c) => ({ value: c.value, label: c.label }))}
      />
      <Chips<KindChoice>
        label="类型"
        value={kind}
        onChange={setKind}
        options={[{ value: null, label: '全部' }, ...KIND_LABELS.map((k) => ({ value: k, label: k }))]}
      />
      <StaleNote show={schools.stale} />
      {!schools.data ? <LoadingOrError error={schools.error} onRetry={schools.reload} /> : null}
      {schools.data && !items.length ? (
        <EmptyState
          title="没有符合条件的学校"
          hint="换一个区县或类型试试。"
          action="看全市的学校"
          onAction={() => {
            setCounty(null);
            setKind(null);
          }}
        />
      ) : null}
      {items.length ? (
        <View className="catalog__list">
          <SchoolRows schools={items} />
        </View>
      ) : null}
      {items.length ? <View className="catalog__foot">共 {items.length} 所</View> : null}
      {county ? (
        <View className="catalog__foot">市直学校（如四平职业大学）不属于某个区县，选“全市”可以看到。</View>
      ) : null}
    </PageShell>
  );
}
