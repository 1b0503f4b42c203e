import { View } from '@tarojs/components';
import ListRow from '@/components/list-row';
import { LoadingOrError } from '@/components/state-view';
import { useResource } from '@/hooks/use-resource';
import { api } from '@/services';

/**
 * The first step of a school's page in 学校工作台 when the caller keeps more than one: which school. The
 * bureau (`all`) sees every school in the catalog; a school admin of several, those.
 */
export default function SchoolChoice({
  schools,
  lead,
  onChoose,
}: {
  schools: 'all' | readonly string[];
  lead: string;
  onChoose: (id: string) => void;
}) {
  const catalog = useResource('schools', () => api.schools());
  const items = (catalog.data?.items ?? []).filter((s) => schools === 'all' || schools.includes(s.id));
  return (
    <>
      <View className="staff__title">选择学校</View>
      <View className="staff__muted edit__lead">{lead}</View>
      {!catalog.data ? <LoadingOrError error={catalog.error} onRetry={catalog.reload} /> : null}
      <View className="staff__card edit__list">
        {items.map((s) => (
          <ListRow
            key={s.id}
            title={s.name}
            detail={[s.county, s.kind].filter(Boolean).join(' · ')}
            onClick={() => onChoose(s.id)}
          />
        ))}
      </View>
    </>
  );
}
