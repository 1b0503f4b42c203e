import Taro, { usePullDownRefresh, useShareAppMessage } from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActivityKind } from '@shared/schemas/activity';
import { nowIso } from '@shared/time';
import ActivityCard from '@/components/activity-card';
import CountyPicker from '@/components/county-picker';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import StaleNote from '@/components/stale-note';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { useOutbox } from '@/hooks/use-outbox';
import { useResource } from '@/hooks/use-resource';
import { useSettings } from '@/hooks/use-settings';
import { kindLabel } from '@/lib/format';
import { routes } from '@/lib/routes';
import { api } from '@/services';
import { settings } from '@/services/settings';
import './index.scss';

const ENTRIES: Array<{ label: string; note: string; url: () => string }> = [
  { label: '专业', note: '中职 · 高职 · 本科', url: () => routes.majors() },
  // The school directory (packages/catalog/lib/catalog-routes.ts: a subpackage's module stays out of this one).
  { label: '学校', note: '按区县找学校', url: () => routes.schools },
  { label: '1+X证书', note: '职业技能等级证书', url: () => routes.certificates() },
  { label: '送教下乡', note: '农技培训进村屯', url: () => routes.activities('outreach') },
  { label: '老年大学', note: '课程报名', url: () => routes.activities('senior') },
];

const MORE: ActivityKind[] = ['training', 'community'];

export default function Home() {
  const { county, elder } = useSettings();
  const [text, setText] = useState('');
  const queued = useOutbox().filter((e) => e.state === 'pending').length;
  const upcoming = useResource(`home:upcoming:${county ?? 'all'}`, () =>
    api.activities({ county: county ?? undefined, from: nowIso(), limit: 5 }),
  );

  usePullDownRefresh(() => {
    void upcoming.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useShareAppMessage(() => ({ title: '四平职教通：专业、证书、送教下乡和老年大学', path: routes.home }));

  const go = (url: string) => void Taro.navigateTo({ url });
  const search = () => {
    const q = text.trim();
    if (q) go(routes.search(q));
  };

  const items = upcoming.data?.items ?? [];
  return (
    <PageShell title="四平职教通" className="home">
      <View className="home__hero">
        <View className="home__top">
          <View className="home__title">四平职教通</View>
          {/* MIIT's 适老化 rule: a visible 长辈版 entry on the home page (the full switch is on 我的). */}
          <View
            role="button"
            className={`home__elder ${elder ? 'home__elder--on' : ''}`}
            onClick={() => settings.set({ elder: !elder })}
          >
            {elder ? '标准版' : '长辈版'}
          </View>
        </View>
        <View className="home__subtitle">四平市职业教育与终身学习</View>
        <View className="home__search">
          <Input
            className="home__search-input"
            value={text}
            confirmType="search"
            placeholder="搜索学校、专业、证书或课程"
            placeholderClass="home__search-placeholder"
            onInput={(e) => setText(e.detail.value)}
            onConfirm={search}
            nativeProps={{ 'aria-label': '搜索', type: 'search' }}
          />
          <SpButton small className="home__search-btn" onClick={search}>
            搜索
          </SpButton>
        </View>
      </View>

      {queued > 0 ? (
        <View
          role="button"
          className="home__queued"
          onClick={() => void Taro.switchTab({ url: routes.mine })}
        >
          有 {queued} 条报名待发送，联网后会自动发送
        </View>
      ) : null}

      <View className="home__grid">
        {ENTRIES.map((e, i) => (
          <View
            key={e.label}
            role="button"
            // An odd last entry spans the row.
            className={`home__entry ${i === ENTRIES.length - 1 && i % 2 === 0 ? 'home__entry--wide' : ''}`}
            hoverClass="home__entry--hover"
            onClick={() => go(e.url())}
          >
            <View className="home__entry-label">{e.label}</View>
            <View className="home__entry-note">{e.note}</View>
          </View>
        ))}
      </View>
      <View className="home__more">
        {MORE.map((kind) => (
          <View
            key={kind}
            role="button"
            className="home__more-link"
            onClick={() => go(routes.activities(kind))}
          >
            {kindLabel(kind)} ›
          </View>
        ))}
      </View>

      <View className="home__section-title">近期活动</View>
      <CountyPicker value={county} onChange={(c) => settings.set({ county: c })} />
      <StaleNote show={upcoming.stale} />
      {upcoming.loading && !items.length ? <Loading /> : null}
      {upcoming.error && !items.length ? (
        <ErrorState error={upcoming.error} onRetry={upcoming.reload} />
      ) : null}
      {!upcoming.loading && !upcoming.error && !items.length ? (
        <EmptyState
          title={`${county ?? '全市'}近期没有活动`}
          hint="可以换一个区县看看，或稍后再来。"
          action={county ? '看全市的活动' : undefined}
          onAction={county ? () => settings.set({ county: null }) : undefined}
        />
      ) : null}
      {items.map((a) => (
        <ActivityCard key={a.id} activity={a} onOpen={(id) => go(routes.activity(id))} />
      ))}
    </PageShell>
  );
}
