import { View } from '@tarojs/components';

/** One fact of a major or a school: its label, and its value or 未公布 (never a guess). */
export default function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <View className="catalog__fact">
      <View className="catalog__fact-label">{label}</View>
      <View className={`catalog__fact-value ${value ? '' : 'catalog__fact-value--none'}`}>
        {value ?? '未公布'}
      </View>
    </View>
  );
}
