import Taro, { useRouter } from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { useState } from 'react';
import { nowIso } from '@shared/time';
import { validate } from '@shared/validate';
import { SearchTextSchema } from '@shared/schemas/common';
import ListRow from '@/components/list-row';
import PageShell from '@/components/page-shell';
import StaleNote from '@/components/stale-note';
import { EmptyState, ErrorState, Loading } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { routes } from '@/lib/routes';
import { api } from '@/services';
import ActivityGroup from '../../components/activity-group';
import MajorRows from '../../components/major-rows';
import SchoolRows from '../../components/school-rows';
import { catalogApi } from '../../lib/catalog-api';
import '../catalog.scss';

/** One search box for schools, majors, certificates and activities. */
export default function SearchPage() {
  const initial = useRouter().params.q ?? '';
  const [text, setText] = useState(() => safeDecode(initial));
  const [q, setQ] = useState(() => safeDecode(initial));
  const valid = validate(SearchTextSchema, q);
  const results = useResource(valid.ok ? `search:${q}` : null, async () => {
    const [schools, majors, certificates, activities] = await Promise.all([
      catalogApi.schools({ q }),
      api.majors({ q, limit: 20 }),
      api.certificates({ q, limit: 20 }),
      api.activities({ q, from: nowIso(), limit: 20 }),
    ]);
    return {
      schools: schools.items,
      majors: majors.items,
      certificates: certificates.items,
      activities: activities.items,
    };
  });
  const go = (url: string) => void Taro.navigateTo({ url });
  const r = results.data;
  // A copy cached before schools were searched has none.
  const schools = r?.schools ?? [];
  const none = r && !schools.length && !r.majors.length && !r.certificates.length && !r.activities.length;
  return (
    <PageShell title="搜索" className="catalog">
      <View className="catalog__search">
        <Input
          className="catalog__search-input"
          value={text}
          focus={!initial}
          confirmType="search"
          placeholder="搜索学校、专业、证书或课程"
          placeholderClass="catalog__placeholder"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => setQ(text.trim())}
          nativeProps={{ 'aria-label': '搜索', type: 'search' }}
        />
      </View>
      {!valid.ok && q ? <View className="catalog__muted">{valid.issues[0]?.message}</View> : null}
      <StaleNote show={results.stale} />
      {results.loading && !r ? <Loading /> : null}
      {results.error && !r ? <ErrorState error={results.error} onRetry={results.reload} /> : null}
      {none ? (
        <EmptyState title={`没有找到“${q}”`} hint="换个说法试试，例如“双辽”“护理”“电商”“太极”“手机”。" />
      ) : null}
      {schools.length ? (
        <>
          <View className="catalog__group-title">相关学校</View>
          <View className="catalog__list">
            <SchoolRows schools={schools} />
          </View>
        </>
      ) : null}
      {r?.majors.length ? (
        <>
          <View className="catalog__group-title">相关专业</View>
          <View className="catalog__list">
            <MajorRows majors={r.majors} />
          </View>
        </>
      ) : null}
      {r?.certificates.length ? (
        <>
          <View className="catalog__group-title">相关证书</View>
          <View className="catalog__list">
            {r.certificates.map((c) => (
              <ListRow
                key={c.id}
                title={c.name}
                detail={c.issuer}
                onClick={() => go(routes.certificate(c.id))}
              />
            ))}
          </View>
        </>
      ) : null}
      {r?.activities.length ? <ActivityGroup title="相关课程和活动" activities={r.activities} /> : null}
    </PageShell>
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
