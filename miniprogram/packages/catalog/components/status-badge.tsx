import { Text } from '@tarojs/components';
import { MAJOR_STATUS_LABELS, type MajorStatus } from '@shared/schemas/catalog';

/** 在招 / 拟开设 / 停招 as a small badge; 拟开设 and 停招 are tinted so nobody reads them as taught today. */
export default function StatusBadge({ status }: { status: MajorStatus }) {
  return <Text className={`catalog__badge catalog__badge--${status}`}>{MAJOR_STATUS_LABELS[status]}</Text>;
}
