import { MAJOR_STATUS_LABELS, type Major } from '@shared/schemas/catalog';
import { currentYearInZone } from '@shared/time';

/** A list row's second line: the field, and 拟开设 / 停招 where the major is not enrolling now. */
export function majorDetail(m: Pick<Major, 'group' | 'status'>, prefix?: string): string {
  const parts = [prefix, m.group, m.status === 'enrolling' ? null : MAJOR_STATUS_LABELS[m.status]];
  return parts.filter(Boolean).join(' · ');
}

/** The 招生计划 a major's page shows: this year's, else the next year planned; none when not published. */
export function shownIntake(
  intake: Major['intake'],
  year: number = currentYearInZone(),
): Major['intake'][number] | null {
  const ahead = intake.filter((r) => r.year >= year).sort((a, b) => a.year - b.year);
  return ahead[0] ?? null;
}
