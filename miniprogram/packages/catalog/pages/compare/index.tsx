import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { currentYearInZone } from '@shared/time';
import PageShell from '@/components/page-shell';
import SpButton from '@/components/sp-button';
import StaleNote from '@/components/stale-note';
import { EmptyState, LoadingOrError } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { routes } from '@/lib/routes';
import { api, isApiError } from '@/services';
import { catalogApi } from '../../lib/catalog-api';
import { catalogRoutes } from '../../lib/catalog-routes';
import { COMPARE_MAX, type CompareItem } from '../../lib/compare';
import { compareTable } from '../../lib/compare-table';
import { compareShareTitle } from '../../lib/share';
import { compareStore, useCompare } from '../../lib/use-compare';
import '../catalog.scss';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The ids a shared card carries (`?ids=a,b`), as far as they are ids; none when the page is one's own list. */
function sharedIds(param: string | undefined): string[] {
  if (!param) return [];
  let text = param;
  try {
    text = decodeURIComponent(param);
  } catch {
    // as it is
  }
  return [...new Set(text.split(',').filter((id) => ID.test(id)))].slice(0, COMPARE_MAX);
}

/** 对比: up to three majors side by side — a fact not published says 未公布. */
export default function ComparePage() {
  const shared = sharedIds(useRouter().params.ids);
  const mine = useCompare();
  const ids = shared.length ? shared : mine.map((i) => i.id);
  const year = currentYearInZone();
  const loaded = useResource(ids.length ? `compare:${ids.join(',')}` : null, async () => {
    const all = await Promise.all(
      ids.map(async (id) => {
        try {
          const [major, pathway] = await Promise.all([api.major(id), catalogApi.pathway(id)]);
          return { major, pathway };
        } catch (error) {
          // A major no longer in the catalog leaves the comparison; anything else is shown with 重试.
          if (isApiError(error) && error.status === 404) {
            if (!shared.length) compareStore.remove(id);
            return null;
          }
          throw error;
        }
      }),
    );
    return all.filter((x) => x !== null);
  });
  // While a changed list loads, the columns already removed are gone.
  const majors = (loaded.data ?? []).filter(({ major }) => ids.includes(major.id));
  const items: CompareItem[] = majors.map(({ major }) => ({
    id: major.id,
    name: major.name,
    level: major.level,
    school: major.school.shortName,
  }));
  useShareAppMessage(() => ({
    title: compareShareTitle(items),
    path: catalogRoutes.compare(items.map((i) => i.id)),
  }));

  if (!ids.length) {
    return (
      <PageShell title="专业对比" className="catalog">
        <EmptyState
          title="还没有加入对比的专业"
          hint={`在专业列表或专业页点“加入对比”，最多 ${COMPARE_MAX} 个。`}
          action="去看专业"
          onAction={() => void Taro.navigateTo({ url: routes.majors() })}
        />
      </PageShell>
    );
  }
  if (!loaded.data) {
    return (
      <PageShell title="专业对比" className="catalog">
        <LoadingOrError error={loaded.error} onRetry={loaded.reload} />
      </PageShell>
    );
  }
  const isMine = !shared.length;
  const differs = !isMine && items.map((i) => i.id).join() !== mine.map((i) => i.id).join();
  const rows = compareTable(majors, year);
  const columns = 'catalog__cmp-cell';
  return (
    <PageShell title="专业对比" className="catalog">
      <StaleNote show={loaded.stale} />
      <View className="catalog__title">专业对比</View>
      {differs ? (
        <View className="catalog__cmp-shared">
          <View className="catalog__muted">这是别人分享给您的对比。</View>
          <SpButton
            variant="secondary"
            small
            onClick={() => {
              compareStore.set(items);
              void Taro.showToast({ title: '已保存为我的对比', icon: 'none' });
            }}
          >
            保存为我的对比
          </SpButton>
        </View>
      ) : null}
      <View className="catalog__cmp">
        <View className="catalog__cmp-cells catalog__cmp-head">
          {majors.map(({ major }) => (
            <View key={major.id} className={columns}>
              <View
                role="button"
                className="catalog__cmp-name"
                onClick={() => void Taro.navigateTo({ url: routes.major(major.id) })}
              >
                {major.name}
              </View>
              {isMine ? (
                <SpButton variant="text" small onClick={() => compareStore.remove(major.id)}>
                  移出
                </SpButton>
              ) : null}
            </View>
          ))}
        </View>
        {rows.map((row) => (
          <View key={row.label} className="catalog__cmp-row">
            <View className="catalog__cmp-label">{row.label}</View>
            <View className="catalog__cmp-cells">
              {row.cells.map((c, i) => (
                <View
                  key={majors[i]?.major.id ?? i}
                  className={`${columns} ${c.none ? 'catalog__cmp-none' : ''}`}
                >
                  {c.text}
                </View>
              ))}
            </View>
          </View>
        ))}
      </View>
      {isMine && majors.length < COMPARE_MAX ? (
        <SpButton variant="secondary" block onClick={() => void Taro.navigateTo({ url: routes.majors() })}>
          再加一个专业
        </SpButton>
      ) : null}
      <View className="catalog__foot">“未公布”表示学校还没有公布这一项；招生人数是 {year} 年的计划。</View>
    </PageShell>
  );
}
