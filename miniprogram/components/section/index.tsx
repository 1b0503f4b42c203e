import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

/** A titled card on a detail page. */
export default function Section({
  title,
  children,
  extra,
}: {
  title: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <View className="sp-section">
      <View className="sp-section__head">
        <View className="sp-section__title">{title}</View>
        {extra}
      </View>
      <View className="sp-section__body">{children}</View>
    </View>
  );
}
