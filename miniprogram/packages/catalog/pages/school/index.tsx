import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { nowIso } from '@shared/time';
import ActivityCard from '@/components/activity-card';
import Contact from '@/components/contact';
import ListRow from '@/components/list-row';
import PageShell from '@/components/page-shell';
import Section from '@/components/section';
import StaleNote from '@/components/stale-note';
import { ErrorState, Loading } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { kindLabel } from '@/lib/format';
import { routes } from '@/lib/routes';
import { api } from '@/services';
import '../catalog.scss';

export default function SchoolPage() {
  const id = useRouter().params.id ?? '';
  const school = useResource(id ? `school:${id}` : null, () => api.school(id));
  const majors = useResource(id ? `school-majors:${id}` : null, () =>
    api.majors({ schoolId: id, limit: 50 }),
  );
  const activities = useResource(id ? `school-activities:${id}` : null, () =>
    api.activities({ schoolId: id, from: nowIso(), limit: 5 }),
  );
  const s = school.data;
  useShareAppMessage(() => ({ title: s?.name ?? '学校', path: routes.school(id) }));
  if (!s) {
    return (
      <PageShell title="学校">
        {school.error ? <ErrorState error={school.error} onRetry={school.reload} /> : <Loading />}
      </PageShell>
    );
  }
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <PageShell title="学校" className="catalog">
      <StaleNote show={school.stale} />
      <View className="catalog__title">{s.name}</View>
      <View className="catalog__tags">
        <View className="catalog__tag">{s.kind}</View>
        <View className="catalog__tag">{s.county ?? '四平市'}</View>
        {s.inPark ? <View className="catalog__tag">职教园区</View> : null}
      </View>
      {s.direction ? (
        <Section title="办学方向">
          <View className="catalog__text">{s.direction}</View>
        </Section>
      ) : null}
      <Section title="联系方式">
        <Contact name={s.name} phone={s.phone} address={s.address} location={s.location} />
      </Section>
      {majors.data?.items.length ? (
        <Section title="开设专业">
          <View className="catalog__link-list">
            {majors.data.items.map((m) => (
              <ListRow
                key={m.id}
                title={m.name}
                detail={m.group}
                tag={m.level}
                onClick={() => go(routes.major(m.id))}
              />
            ))}
          </View>
        </Section>
      ) : null}
      {activities.data?.items.length ? (
        <>
          <View className="catalog__group-title">近期活动</View>
          {activities.data.items.map((a) => (
            <ActivityCard
              key={a.id}
              activity={a}
              showKind={kindLabel(a.kind)}
              onOpen={(aid) => go(routes.activity(aid))}
            />
          ))}
        </>
      ) : null}
    </PageShell>
  );
}
