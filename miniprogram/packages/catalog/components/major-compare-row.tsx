import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Major } from '@shared/schemas/catalog';
import ListRow from '@/components/list-row';
import { routes } from '@/lib/routes';
import { majorDetail } from '../lib/major-status';
import CompareButton from './compare-button';

/** Rows carry a short tag so the filter's own words (`高职专科`) stay unique on the page. */
const LEVEL_SHORT: Record<Major['level'], string> = { 中职: '中职', 高职专科: '高职', 职业本科: '本科' };

/** A majors-list row that opens the major, with 加入对比 beside it (a tap apart from the row's own). */
export default function MajorCompareRow({ major, school }: { major: Major; school: string }) {
  return (
    <View className="catalog__mrow">
      <View className="catalog__mrow-main">
        <ListRow
          title={major.name}
          detail={majorDetail(major, school || '学校')}
          tag={LEVEL_SHORT[major.level]}
          onClick={() => void Taro.navigateTo({ url: routes.major(major.id) })}
        />
      </View>
      <CompareButton
        item={{ id: major.id, name: major.name, level: major.level, school: school || '学校' }}
      />
    </View>
  );
}
