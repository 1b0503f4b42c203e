import { ScrollView, View } from '@tarojs/components';
import './index.scss';

export interface ChipOption<T extends string> {
  value: T | null;
  label: string;
}

/** A row of filter choices; exactly one is on. */
export default function Chips<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: Array<ChipOption<T>>;
  value: T | null;
  onChange: (value: T | null) => void;
}) {
  return (
    <View className="sp-chips">
      <View className="sp-chips__label">{label}</View>
      <ScrollView scrollX className="sp-chips__scroll" enhanced showScrollbar={false}>
        <View className="sp-chips__row">
          {options.map((o) => (
            <View
              key={o.value ?? 'all'}
              role="button"
              aria-pressed={o.value === value}
              className={`sp-chip ${o.value === value ? 'sp-chip--on' : ''}`}
              onClick={() => onChange(o.value)}
            >
              {o.label}
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  );
}
