import { View } from '@tarojs/components';
import './index.scss';

export const STALE_TEXT = '当前离线，显示的是上次加载的内容';

export default function StaleNote({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <View className="sp-stale" role="status">
      {STALE_TEXT}
    </View>
  );
}
