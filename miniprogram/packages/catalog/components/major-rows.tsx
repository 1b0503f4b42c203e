import { majorDetail } from '../lib/major-status';
import Taro from '@tarojs/taro';
import type { Major } from '@shared/schemas/catalog';
import ListRow from '@/components/list-row';
import { routes } from '@/lib/routes';

/** Majors as rows (name, 方向, 层次) that open the major; the caller gives the list its frame. */
export default function MajorRows({ majors }: { majors: readonly Major[] }) {
  return (
    <>
      {majors.map((m) => (
        <ListRow
          key={m.id}
          title={m.name}
          detail={majorDetail(m)}
          tag={m.level}
          onClick={() => void Taro.navigateTo({ url: routes.major(m.id) })}
        />
      ))}
    </>
  );
}
