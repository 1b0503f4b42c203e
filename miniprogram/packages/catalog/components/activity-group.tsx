import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { Activity } from '@shared/schemas/activity';
import ActivityCard from '@/components/activity-card';
import { kindLabel } from '@/lib/format';
import { routes } from '@/lib/routes';

/** A titled run of activity cards of mixed kinds (each shows its kind) that open the activity. */
export default function ActivityGroup({
  title,
  activities,
}: {
  title: string;
  activities: readonly Activity[];
}) {
  return (
    <>
      <View className="catalog__group-title">{title}</View>
      {activities.map((a) => (
        <ActivityCard
          key={a.id}
          activity={a}
          showKind={kindLabel(a.kind)}
          onOpen={(id) => void Taro.navigateTo({ url: routes.activity(id) })}
        />
      ))}
    </>
  );
}
