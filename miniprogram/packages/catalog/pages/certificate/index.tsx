import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import ActivityCard from '@/components/activity-card';
import ListRow from '@/components/list-row';
import PageShell from '@/components/page-shell';
import Section from '@/components/section';
import StaleNote from '@/components/stale-note';
import { LoadingOrError } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { certificateSessionTag } from '@/lib/format';
import { routes } from '@/lib/routes';
import { api } from '@/services';
import '../catalog.scss';

export default function CertificatePage() {
  const id = useRouter().params.id ?? '';
  const cert = useResource(id ? `certificate:${id}` : null, () => api.certificate(id));
  const sessions = useResource(id ? `certificate-sessions:${id}` : null, () =>
    api.activities({ kind: 'training', certificateId: id, limit: 20 }),
  );
  const c = cert.data;
  useShareAppMessage(() => ({ title: c ? `1+X ${c.name}` : '1+X证书', path: routes.certificate(id) }));
  if (!c) {
    return (
      <PageShell title="证书详情">
        <LoadingOrError error={cert.error} onRetry={cert.reload} />
      </PageShell>
    );
  }
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <PageShell title="证书详情" className="catalog">
      <StaleNote show={cert.stale} />
      <View className="catalog__title">{c.name}</View>
      <View className="catalog__tags">
        {c.levels.map((l) => (
          <View key={l} className="catalog__tag">
            {l}
          </View>
        ))}
      </View>
      <Section title="培训评价组织">
        <View className="catalog__text cert__issuer">{c.issuer}</View>
      </Section>
      {c.summary ? (
        <Section title="证书介绍">
          <View className="catalog__text">{c.summary}</View>
        </Section>
      ) : null}
      <Section title="相关专业">
        {c.majors.length ? (
          <View className="catalog__link-list">
            {c.majors.map((m) => (
              <ListRow
                key={m.id}
                title={m.name}
                detail={[m.level, c.schools.find((s) => s.id === m.schoolId)?.name]
                  .filter(Boolean)
                  .join(' · ')}
                onClick={() => go(routes.major(m.id))}
              />
            ))}
          </View>
        ) : (
          <View className="catalog__muted">暂无对应专业</View>
        )}
      </Section>
      <Section title="近期培训和考核">
        {sessions.data?.items.length ? (
          <View className="catalog__link-list">
            {sessions.data.items.map((a) => (
              <ActivityCard
                key={a.id}
                activity={a}
                onOpen={(aid) => go(routes.activity(aid))}
                showKind={certificateSessionTag(a)}
              />
            ))}
          </View>
        ) : (
          <View className="catalog__muted">
            {sessions.error ? '培训场次暂时加载不出来，请稍后再看' : '近期没有公布的培训或考核场次'}
          </View>
        )}
      </Section>
      <Section title="在哪里培训">
        {c.schools.length ? (
          <View className="catalog__link-list">
            {c.schools.map((s) => (
              <ListRow
                key={s.id}
                title={s.name}
                detail={s.county ?? '四平市'}
                onClick={() => go(routes.school(s.id))}
              />
            ))}
          </View>
        ) : (
          <View className="catalog__muted">暂无公布的培训学校，可咨询就读学校</View>
        )}
      </Section>
    </PageShell>
  );
}
