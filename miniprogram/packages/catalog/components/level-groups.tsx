import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { LEVELS, type Level, type Major } from '@shared/schemas/catalog';
import ListRow from '@/components/list-row';
import { routes } from '@/lib/routes';
import StatusBadge from './status-badge';

/** Majors by level, in the catalogue's order (中职, 高职专科, 职业本科); a level without majors is left out. */
export function byLevel<T extends { level: Level }>(
  majors: readonly T[],
): Array<{ level: Level; majors: T[] }> {
  return LEVELS.map((level) => ({ level, majors: majors.filter((m) => m.level === level) })).filter(
    (g) => g.majors.length > 0,
  );
}

/** A school's majors under their level, each with its 在招 / 拟开设 badge and 方向, opening the major. */
export default function LevelGroups({ majors }: { majors: readonly Major[] }) {
  return (
    <>
      {byLevel(majors).map((g) => (
        <View key={g.level} className="catalog__level">
          <View className="catalog__level-title">{g.level}</View>
          <View className="catalog__link-list">
            {g.majors.map((m) => (
              <ListRow
                key={m.id}
                title={m.name}
                detail={
                  <>
                    <StatusBadge status={m.status} />
                    {m.group}
                  </>
                }
                onClick={() => void Taro.navigateTo({ url: routes.major(m.id) })}
              />
            ))}
          </View>
        </View>
      ))}
    </>
  );
}
