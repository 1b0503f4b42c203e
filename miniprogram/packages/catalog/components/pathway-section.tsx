import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Pathway } from '@shared/schemas/catalog';
import ListRow from '@/components/list-row';
import Section from '@/components/section';
import SpButton from '@/components/sp-button';
import { routes } from '@/lib/routes';
import SharePathway from './share-pathway';
import StatusBadge from './status-badge';

type Link = Pathway['to'][number];

/** What a linked catalogue major is: its level and name, 专业类 and code where verified, where that is written. */
function PathLink({ link }: { link: Link }) {
  return (
    <View className="catalog__path-link">
      <View className="catalog__path-head">
        <Text className="catalog__path-level">{link.level}</Text>
        <Text className="catalog__path-name">{link.name}</Text>
      </View>
      <View className="catalog__path-meta">
        专业类 {link.majorClass ?? '未核实'}
        {link.code ? ` · 专业代码 ${link.code}` : ''}
      </View>
      <View className="catalog__path-source">来源：{link.source}</View>
      {link.majors.length ? (
        <View className="catalog__path-majors">
          {link.majors.map((m) => (
            <ListRow
              key={m.id}
              title={m.school.name}
              detail={
                <>
                  <StatusBadge status={m.status} />
                  {m.name}（{m.level}）
                </>
              }
              onClick={() => void Taro.navigateTo({ url: routes.major(m.id) })}
            />
          ))}
        </View>
      ) : (
        <View className="catalog__path-none">四平暂无学校开设</View>
      )}
    </View>
  );
}

/** The pathway itself: the API's note when nothing is verified (never a guess), else the links; then the routes. */
export function PathwayBody({ pathway }: { pathway: Pathway }) {
  return (
    <>
      {pathway.note ? (
        <View className="catalog__path-note">{pathway.note}</View>
      ) : (
        <>
          {pathway.to.length ? (
            <View className="catalog__path-group catalog__path-to">
              <View className="catalog__path-title">毕业后可升入</View>
              {pathway.to.map((l) => (
                <PathLink key={`${l.level}:${l.name}`} link={l} />
              ))}
            </View>
          ) : null}
          {pathway.from.length ? (
            <View className="catalog__path-group catalog__path-from">
              <View className="catalog__path-title">可由这些专业升入本专业</View>
              {pathway.from.map((l) => (
                <PathLink key={`${l.level}:${l.name}`} link={l} />
              ))}
            </View>
          ) : null}
        </>
      )}
      {pathway.routes.length ? (
        <View className="catalog__path-group">
          <View className="catalog__path-title">升学途径</View>
          {pathway.routes.map((r) => (
            <View key={r.id} className="catalog__path-route">
              <View className="catalog__path-route-name">{r.name}</View>
              <View className="catalog__text">{r.summary}</View>
              <View className="catalog__path-source">来源：{r.source}</View>
            </View>
          ))}
        </View>
      ) : null}
    </>
  );
}

/** 升学路径 on a major's page (with 分享 on WeChat); `id="pathway"` is where a shared pathway card scrolls to. */
export default function PathwaySection({
  pathway,
  error,
  onRetry,
}: {
  pathway: Pathway | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  return (
    <View id="pathway">
      <Section title="升学路径" extra={pathway ? <SharePathway /> : null}>
        {pathway ? (
          <PathwayBody pathway={pathway} />
        ) : error ? (
          <>
            <View className="catalog__muted">升学路径暂时加载不出来</View>
            <SpButton variant="secondary" small onClick={onRetry}>
              重试
            </SpButton>
          </>
        ) : (
          <View className="catalog__muted">正在加载…</View>
        )}
      </Section>
    </View>
  );
}
