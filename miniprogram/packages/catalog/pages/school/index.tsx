import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { nowIso } from '@shared/time';
import Contact from '@/components/contact';
import PageShell from '@/components/page-shell';
import Section from '@/components/section';
import StaleNote from '@/components/stale-note';
import { LoadingOrError } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { routes } from '@/lib/routes';
import { api } from '@/services';
import ActivityGroup from '../../components/activity-group';
import LevelGroups from '../../components/level-groups';
import Website from '../../components/website';
import { schoolShareTitle } from '../../lib/share';
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
  const enrolling = (majors.data?.items ?? []).filter((m) => m.status === 'enrolling').length;
  useShareAppMessage(() => ({ title: s ? schoolShareTitle(s, enrolling) : '学校', path: routes.school(id) }));
  if (!s) {
    return (
      <PageShell title="学校">
        <LoadingOrError error={school.error} onRetry={school.reload} />
      </PageShell>
    );
  }
  return (
    <PageShell title="学校" className="catalog">
      <StaleNote show={school.stale} />
      <View className="catalog__title">{s.name}</View>
      <View className="catalog__tags">
        <View className="catalog__tag">{s.kind}</View>
        <View className="catalog__tag">{s.county ?? '四平市'}</View>
        {s.inPark ? <View className="catalog__tag">职教园区</View> : null}
        {s.status === 'planned' ? <View className="catalog__tag catalog__tag--planned">拟建设</View> : null}
      </View>
      {s.direction ? (
        <Section title="办学方向">
          <View className="catalog__text">{s.direction}</View>
        </Section>
      ) : null}
      {s.intro ? (
        <Section title="学校简介">
          <View className="catalog__text catalog__prose">{s.intro}</View>
        </Section>
      ) : null}
      <Section title="联系方式">
        <Contact name={s.name} phone={s.phone} address={s.address} location={s.location} />
        {s.admissionsContact ? (
          <View className="catalog__fact">
            <View className="catalog__fact-label">招生咨询</View>
            <View className="catalog__fact-value">{s.admissionsContact}</View>
          </View>
        ) : null}
        {s.website ? <Website url={s.website} /> : null}
      </Section>
      {majors.data?.items.length ? (
        <Section title="开设专业">
          <LevelGroups majors={majors.data.items} />
        </Section>
      ) : s.kind !== '老年大学' && majors.data ? (
        <Section title="开设专业">
          <View className="catalog__muted">学校暂未公布开设的专业</View>
        </Section>
      ) : null}
      {activities.data?.items.length ? (
        <ActivityGroup title="近期活动" activities={activities.data.items} />
      ) : activities.data ? (
        <Section title="近期活动">
          <View className="catalog__muted">近期没有公布的活动</View>
        </Section>
      ) : null}
      <Section title="信息来源">
        <View className="catalog__muted">{s.source}</View>
      </Section>
    </PageShell>
  );
}
