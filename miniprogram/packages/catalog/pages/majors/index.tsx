import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { LEVELS, MAJOR_GROUPS, type Level, type MajorGroup } from '@shared/schemas/catalog';
import Chips from '@/components/chips';
import PageShell from '@/components/page-shell';
import StaleNote from '@/components/stale-note';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { useResource } from '@/hooks/use-resource';
import { api } from '@/services';
import CompareLink from '../../components/compare-link';
import MajorCompareRow from '../../components/major-compare-row';
import '../catalog.scss';

export default function Majors() {
  const params = useRouter().params;
  const [level, setLevel] = useState<Level | null>(
    LEVELS.includes(params.level as Level) ? (params.level as Level) : null,
  );
  const [group, setGroup] = useState<MajorGroup | null>(null);
  const [schoolId, setSchoolId] = useState<string | null>(params.schoolId ?? null);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');

  const schools = useResource('schools', () => api.schools());
  const schoolName = (id: string) => schools.data?.items.find((s) => s.id === id)?.shortName ?? '';
  const teaching = (schools.data?.items ?? []).filter((s) => s.kind !== '老年大学');

  const key = `majors:${level ?? ''}:${group ?? ''}:${schoolId ?? ''}:${q}`;
  const list = usePagedList(key, (cursor) =>
    api.majors({
      level: level ?? undefined,
      group: group ?? undefined,
      schoolId: schoolId ?? undefined,
      q: q || undefined,
      cursor,
      limit: 20,
    }),
  );
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });

  const filtered = !!(level || group || schoolId || q);
  return (
    <PageShell title="专业" className="catalog">
      <View className="catalog__search">
        <Input
          className="catalog__search-input"
          value={text}
          confirmType="search"
          placeholder="搜索专业名称，例如 护理"
          placeholderClass="catalog__placeholder"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => setQ(text.trim())}
          onBlur={() => setQ(text.trim())}
          nativeProps={{ 'aria-label': '搜索专业', type: 'search' }}
        />
      </View>
      <Chips<Level>
        label="层次"
        value={level}
        onChange={setLevel}
        options={[{ value: null, label: '全部' }, ...LEVELS.map((l) => ({ value: l, label: l }))]}
      />
      <Chips<MajorGroup>
        label="方向"
        value={group}
        onChange={setGroup}
        options={[{ value: null, label: '全部' }, ...MAJOR_GROUPS.map((g) => ({ value: g, label: g }))]}
      />
      <Chips<string>
        label="学校"
        value={schoolId}
        onChange={setSchoolId}
        options={[
          { value: null, label: '全部学校' },
          ...teaching.map((s) => ({ value: s.id, label: s.shortName })),
        ]}
      />
      <CompareLink />
      <StaleNote show={list.stale} />
      {list.loading && !list.items.length ? <Loading /> : null}
      {list.error && !list.items.length ? <ErrorState error={list.error} onRetry={list.refresh} /> : null}
      {!list.loading && !list.error && !list.items.length ? (
        <EmptyState
          title="没有找到符合条件的专业"
          hint={filtered ? '少选一个条件，或换个关键词试试（例如“护理”“电子商务”）。' : '下拉刷新试试。'}
          action={filtered ? '清除筛选' : undefined}
          onAction={() => {
            setLevel(null);
            setGroup(null);
            setSchoolId(null);
            setText('');
            setQ('');
          }}
        />
      ) : null}
      {list.items.length ? (
        <View className="catalog__list">
          {list.items.map((m) => (
            <MajorCompareRow key={m.id} major={m} school={schoolName(m.schoolId)} />
          ))}
        </View>
      ) : null}
      {list.items.length ? (
        <View className="catalog__foot">
          {list.loadingMore ? '正在加载…' : list.hasMore ? '上滑加载更多' : `共 ${list.items.length} 个专业`}
        </View>
      ) : null}
    </PageShell>
  );
}
