import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { catalogRoutes } from '../lib/catalog-routes';
import { useCompare } from '../lib/use-compare';

/** `对比（2）›` once a major is on the 对比 list: the way to the side-by-side page. */
export default function CompareLink() {
  const items = useCompare();
  if (!items.length) return null;
  return (
    <View
      role="button"
      className="catalog__compare-link"
      hoverClass="catalog__compare-link--hover"
      onClick={() => void Taro.navigateTo({ url: catalogRoutes.compare() })}
    >
      <View className="catalog__compare-link-text">已选 {items.map((i) => i.name).join('、')}</View>
      <View className="catalog__compare-link-go">查看对比（{items.length}）›</View>
    </View>
  );
}
