import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Siping keeps Beijing time; every instant we show or store is written in it. */
export const ZONE = 'Asia/Shanghai';

export { dayjs };

/**
 * China has kept UTC+8, with no daylight saving, since 1991: for every instant this app handles Asia/Shanghai
 * is the fixed offset +08:00. dayjs' `tz()` formats through a new Intl formatter on every call, which made it
 * the costliest step of the H5 home page's first render; a fixed offset is arithmetic. (tests/unit/time.test.ts
 * checks the two agree.)
 */
const ZONE_OFFSET_MINUTES = 8 * 60;

/** The instant as Siping's clock shows it (year, month, day, weekday, hours). */
export function inZone(value?: dayjs.ConfigType): dayjs.Dayjs {
  // Through the epoch first: a Dayjs made by tz() or utcOffset() carries an offset utcOffset() would add twice.
  return dayjs(dayjs(value).valueOf()).utcOffset(ZONE_OFFSET_MINUTES);
}

/** ISO 8601 with the +08:00 offset, seconds precision — the API's only time format. */
export function toIso(value: dayjs.ConfigType): string {
  return inZone(value).format('YYYY-MM-DDTHH:mm:ssZ');
}

export function nowIso(): string {
  return toIso(Date.now());
}

/** A strict ISO 8601 instant with an explicit offset (Z or ±hh:mm). */
const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** A real day of the calendar: dayjs alone would roll 2026-02-30 over to March. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isIsoInstant(value: string): boolean {
  const match = ISO_INSTANT.exec(value);
  return match !== null && isCalendarDate(match[1] ?? '') && dayjs(value).isValid();
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** `12月8日 周二 09:00`: what a card shows for a start time. */
export function formatSessionTime(iso: string): string {
  const t = inZone(iso);
  return `${t.month() + 1}月${t.date()}日 ${WEEKDAYS[t.day()]} ${t.format('HH:mm')}`;
}

/** `09:00–11:30`, or with the end's date when it ends on another day. */
export function formatTimeRange(startIso: string, endIso: string): string {
  const s = inZone(startIso);
  const e = inZone(endIso);
  const end = s.isSame(e, 'day') ? e.format('HH:mm') : formatSessionTime(endIso);
  return `${formatSessionTime(startIso)}–${end}`;
}

export function currentYearInZone(now: number = Date.now()): number {
  return inZone(now).year();
}
