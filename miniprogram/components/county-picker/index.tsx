import { View } from '@tarojs/components';
import { useState } from 'react';
import { COUNTIES, type County } from '@shared/schemas/common';
import './index.scss';

export interface CountyPickerProps {
  /** `选择区县` on the home page; the 我的 tab names its setting differently so the label stays unique. */
  label?: string;
  value: County | null;
  onChange: (county: County | null) => void;
}

/** `选择区县`: a row showing the chosen county; tapping it opens the five choices (plus 全市) as big buttons. */
export default function CountyPicker({ label = '选择区县', value, onChange }: CountyPickerProps) {
  const [open, setOpen] = useState(false);
  const choose = (county: County | null) => {
    setOpen(false);
    onChange(county);
  };
  return (
    <View className="sp-county">
      <View
        role="button"
        className="sp-county__row"
        onClick={() => setOpen(!open)}
        hoverClass="sp-county__row--hover"
      >
        <View className="sp-county__label">{label}</View>
        <View className="sp-county__value">{value ?? '全市'}</View>
        <View className="sp-county__arrow">{open ? '收起' : '更改'}</View>
      </View>
      {open ? (
        <View className="sp-county__options">
          {[null, ...COUNTIES].map((county) => (
            <View
              key={county ?? 'all'}
              role="button"
              className={`sp-county__option ${county === value ? 'sp-county__option--on' : ''}`}
              onClick={() => choose(county)}
            >
              {county ?? '全市'}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
