/** Bar-chart arithmetic for plain Views: every length is a percentage of the widest value on the axis. */

/** A round axis maximum ≥ every value (1, 2, 5 × 10ⁿ), so bars and the target line share one scale. */
export function niceMax(values: Array<number | null | undefined>): number {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  if (max <= 0) return 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * exp >= max) return step * exp;
  return 10 * exp;
}

/** A value's share of the axis in percent, 0–100, rounded to 0.1. */
export function percent(value: number | null | undefined, max: number): number {
  if (!value || value <= 0 || max <= 0) return 0;
  return Math.min(100, Math.round((value / max) * 1000) / 10);
}

/** `达标 112%` / `完成 45%` / `未填在校生规模` for a school's headcount against its 2× target. */
export function ratioText(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '未填在校生规模';
  const pct = Math.round(ratio * 100);
  return ratio >= 1 ? `已达标 ${pct}%` : `完成 ${pct}%`;
}
