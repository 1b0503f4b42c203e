import { View } from '@tarojs/components';
import type { Activity } from '@shared/schemas/activity';
import { formatSessionTime, placeText, seatsText, sessionsSummary } from '@/lib/format';
import './index.scss';

export interface ActivityCardProps {
  activity: Activity;
  onOpen: (id: string) => void;
  /** The kind tag is left out where the list is already of one kind. */
  showKind?: string;
}

/** One activity in a list: title, time (`12月8日 周二 09:00`), place and seats (`已满，可候补`). */
export default function ActivityCard({ activity: a, onOpen, showKind }: ActivityCardProps) {
  const seats = seatsText(a);
  const full = a.status === 'open' && a.seatsLeft <= 0;
  const summary = sessionsSummary(a);
  return (
    <View className="sp-activity" role="button" onClick={() => onOpen(a.id)} hoverClass="sp-activity--hover">
      <View className="sp-activity__head">
        {showKind ? <View className="sp-activity__kind">{showKind}</View> : null}
        {a.sample ? <View className="sp-activity__kind">示例</View> : null}
        <View className="sp-activity__title">{a.title}</View>
      </View>
      <View className="sp-activity__row">
        <View className="sp-activity__label">时间</View>
        <View className="sp-activity__value">
          {formatSessionTime(a.startsAt)}
          {summary ? `（${summary}）` : ''}
        </View>
      </View>
      <View className="sp-activity__row">
        <View className="sp-activity__label">地点</View>
        <View className="sp-activity__value">{placeText(a.place)}</View>
      </View>
      <View
        className={`sp-activity__seats ${full ? 'sp-activity__seats--full' : ''} ${a.status !== 'open' ? 'sp-activity__seats--off' : ''}`}
      >
        {seats}
      </View>
    </View>
  );
}
