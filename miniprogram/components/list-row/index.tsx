import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

/** A tappable row: title, a line of detail, optional tags on the right. ≥ 2.75rem tall. */
export default function ListRow({
  title,
  detail,
  tag,
  onClick,
}: {
  title: string;
  detail?: ReactNode;
  tag?: string;
  onClick?: () => void;
}) {
  return (
    <View
      className="sp-row"
      role={onClick ? 'button' : undefined}
      onClick={onClick}
      hoverClass={onClick ? 'sp-row--hover' : 'none'}
    >
      <View className="sp-row__main">
        <View className="sp-row__title">{title}</View>
        {detail ? <View className="sp-row__detail">{detail}</View> : null}
      </View>
      {tag ? <View className="sp-row__tag">{tag}</View> : null}
      {onClick ? <View className="sp-row__arrow">›</View> : null}
    </View>
  );
}
