import { MAJOR_STATUS_LABELS, type Major } from '@shared/schemas/catalog';

/** A list row's second line: the field, and 拟开设 / 停招 where the major is not enrolling now. */
export function majorDetail(m: Pick<Major, 'group' | 'status'>, prefix?: string): string {
  const parts = [prefix, m.group, m.status === 'enrolling' ? null : MAJOR_STATUS_LABELS[m.status]];
  return parts.filter(Boolean).join(' · ');
}
