import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import ListRow from '@/components/list-row';
import { routes } from '@/lib/routes';
import type { SchoolItem } from '../lib/catalog-api';
import { enrollingText } from '../lib/school-filters';

/** Schools as rows: the name, where and what kind, 在招专业 N 个 (or 拟建设), the phone when public. */
export default function SchoolRows({ schools }: { schools: readonly SchoolItem[] }) {
  return (
    <>
      {schools.map((s) => {
        const enrolling = enrollingText(s);
        return (
          <ListRow
            key={s.id}
            title={s.name}
            onClick={() => void Taro.navigateTo({ url: routes.school(s.id) })}
            detail={
              <>
                <View>
                  {s.status === 'planned' ? (
                    <Text className="catalog__badge catalog__badge--planned">拟建设</Text>
                  ) : null}
                  {s.county ?? '四平市'} · {s.kind}
                </View>
                {enrolling ? <View className="catalog__school-enrolling">{enrolling}</View> : null}
                {s.phone ? <View>电话 {s.phone}</View> : null}
              </>
            }
          />
        );
      })}
    </>
  );
}
