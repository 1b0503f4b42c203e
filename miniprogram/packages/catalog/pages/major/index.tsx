import { MAJOR_STATUS_LABELS } from '@shared/schemas/catalog';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useEffect } from 'react';
import { View } from '@tarojs/components';
import Contact from '@/components/contact';
import ListRow from '@/components/list-row';
import PageShell from '@/components/page-shell';
import Section from '@/components/section';
import StaleNote from '@/components/stale-note';
import { LoadingOrError } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { routes } from '@/lib/routes';
import { api } from '@/services';
import CompareButton from '../../components/compare-button';
import CompareLink from '../../components/compare-link';
import Fact from '../../components/fact';
import PathwaySection from '../../components/pathway-section';
import { catalogApi } from '../../lib/catalog-api';
import { catalogRoutes } from '../../lib/catalog-routes';
import { shownIntake } from '../../lib/major-status';
import { majorShareTitle, pathwayShareTitle, sharesPathway } from '../../lib/share';
import '../catalog.scss';

export default function MajorPage() {
  const { id = '', focus } = useRouter().params;
  const major = useResource(id ? `major:${id}` : null, () => api.major(id));
  const pathway = useResource(id ? `pathway:${id}` : null, () => catalogApi.pathway(id));
  const m = major.data;
  const p = pathway.data;
  // The 分享 in 升学路径 sends the pathway's card (the page, scrolled to it); anything else the major's.
  useShareAppMessage((res) =>
    sharesPathway(res) && p
      ? { title: pathwayShareTitle(p), path: catalogRoutes.pathway(id) }
      : { title: m ? majorShareTitle(m) : '专业', path: routes.major(id) },
  );
  // A shared pathway card opens here with focus=pathway: once both are shown, scroll to it.
  const ready = !!m && !!p;
  useEffect(() => {
    if (focus === 'pathway' && ready) void Taro.pageScrollTo({ selector: '#pathway', duration: 0 });
  }, [focus, ready]);

  if (!m) {
    return (
      <PageShell title="专业详情">
        <LoadingOrError error={major.error} onRetry={major.reload} />
      </PageShell>
    );
  }
  const go = (url: string) => void Taro.navigateTo({ url });
  const intake = shownIntake(m.intake);
  return (
    <PageShell title="专业详情" className="catalog">
      <StaleNote show={major.stale} />
      <View className="catalog__title">{m.name}</View>
      <View className="catalog__tags">
        <View className="catalog__tag">{m.level}</View>
        <View className={`catalog__tag catalog__tag--${m.status}`}>{MAJOR_STATUS_LABELS[m.status]}</View>
        <View className="catalog__tag">{m.group}</View>
        {m.code ? <View className="catalog__tag">专业代码 {m.code}</View> : null}
      </View>
      <View className="catalog__compare-bar">
        <CompareButton item={{ id: m.id, name: m.name, level: m.level, school: m.school.shortName }} />
      </View>
      <CompareLink />

      <Section title="学制与招生">
        <Fact label="学制" value={m.years ? `${m.years} 年` : null} />
        <Fact label="招生计划" value={intake ? `${intake.year} 年计划招生 ${intake.places} 人` : null} />
        <Fact label="学费" value={m.tuition} />
        <Fact label="资助" value={m.aid} />
      </Section>

      <Section title="开设学校">
        <View className="catalog__link-list">
          <ListRow
            title={m.school.name}
            detail={m.school.county ?? '四平市'}
            onClick={() => go(routes.school(m.school.id))}
          />
        </View>
      </Section>

      <Section title="学什么">
        {m.summary ? (
          <View className="catalog__text">{m.summary}</View>
        ) : (
          <View className="catalog__muted">学校暂未公布专业简介</View>
        )}
      </Section>

      {m.careers.length ? (
        <Section title="能做什么">
          <View className="catalog__bullets">
            {m.careers.map((c) => (
              <View key={c} className="catalog__bullet">
                {c}
              </View>
            ))}
          </View>
        </Section>
      ) : null}

      <PathwaySection pathway={p} error={pathway.error} onRetry={pathway.reload} />

      <Section title="合作企业">
        {m.partnerCompanies.length ? (
          <View className="catalog__bullets">
            {m.partnerCompanies.map((c) => (
              <View key={c} className="catalog__bullet">
                {c}
              </View>
            ))}
          </View>
        ) : (
          <View className="catalog__muted">学校暂未公布合作企业</View>
        )}
      </Section>

      <Section title="可考的1+X证书">
        {m.certificates.length ? (
          <View className="catalog__link-list">
            {m.certificates.map((c) => (
              <ListRow
                key={c.id}
                title={c.name}
                detail={`${c.levels.join(' / ')}`}
                onClick={() => go(routes.certificate(c.id))}
              />
            ))}
          </View>
        ) : (
          <View className="catalog__muted">这个专业暂未对应 1+X 证书</View>
        )}
      </Section>

      <Section title="信息来源">
        <View className="catalog__muted">{m.source}</View>
      </Section>

      <Section title="联系学校">
        <Contact
          name={m.school.name}
          phone={m.school.phone}
          address={m.school.address}
          location={m.school.location}
        />
      </Section>
    </PageShell>
  );
}
