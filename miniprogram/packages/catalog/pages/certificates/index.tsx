import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import ListRow from '@/components/list-row';
import PageShell from '@/components/page-shell';
import StaleNote from '@/components/stale-note';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { usePagedList } from '@/hooks/use-paged-list';
import { routes } from '@/lib/routes';
import { api } from '@/services';
import '../catalog.scss';

export default function Certificates() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const list = usePagedList(`certificates:${q}`, (cursor) =>
    api.certificates({ q: q || undefined, cursor, limit: 20 }),
  );
  usePullDownRefresh(() => {
    void list.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void list.loadMore();
  });
  return (
    <PageShell title="1+X证书" className="catalog">
      <View className="catalog__title">1+X 职业技能等级证书</View>
      <View className="catalog__sub">
        学历证书 + 若干职业技能等级证书。看看每个证书由哪家培训评价组织颁发、在哪里培训。
      </View>
      <View className="catalog__search">
        <Input
          className="catalog__search-input"
          value={text}
          confirmType="search"
          placeholder="搜索证书，例如 老年照护"
          placeholderClass="catalog__placeholder"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => setQ(text.trim())}
          onBlur={() => setQ(text.trim())}
          nativeProps={{ 'aria-label': '搜索证书', type: 'search' }}
        />
      </View>
      <StaleNote show={list.stale} />
      {list.loading && !list.items.length ? <Loading /> : null}
      {list.error && !list.items.length ? <ErrorState error={list.error} onRetry={list.refresh} /> : null}
      {!list.loading && !list.error && !list.items.length ? (
        <EmptyState
          title="没有找到证书"
          hint={q ? '换个关键词试试，例如“照护”“电子商务”“机器人”。' : '下拉刷新试试。'}
          action={q ? '清除搜索' : undefined}
          onAction={() => {
            setText('');
            setQ('');
          }}
        />
      ) : null}
      {list.items.length ? (
        <View className="catalog__list">
          {list.items.map((c) => (
            <ListRow
              key={c.id}
              title={c.name}
              detail={c.issuer}
              tag={c.levels.join('/')}
              onClick={() => void Taro.navigateTo({ url: routes.certificate(c.id) })}
            />
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}
