/**
 * inZone (a fixed +08:00 offset) against dayjs' own Asia/Shanghai zone (the IANA database through Intl): the
 * same wall clock, weekday and day boundaries for any instant from 1992 (China's last daylight saving ended
 * in 1991) to 2100, so the faster one can stand for the zone everywhere.
 */
import fc from 'fast-check';
import { dayjs, inZone, toIso, ZONE } from '../../shared/time';

const instants = fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2100, 0, 1) });

test('inZone shows the same wall clock and offset as tz(Asia/Shanghai)', () => {
  fc.assert(
    fc.property(instants, (ms) => {
      const fixed = inZone(ms);
      const zoned = dayjs(ms).tz(ZONE);
      expect(fixed.format('YYYY-MM-DDTHH:mm:ss.SSSZ')).toBe(zoned.format('YYYY-MM-DDTHH:mm:ss.SSSZ'));
      expect([fixed.year(), fixed.month(), fixed.date(), fixed.day()]).toEqual([
        zoned.year(),
        zoned.month(),
        zoned.date(),
        zoned.day(),
      ]);
      expect(fixed.valueOf()).toBe(ms);
      // Whatever offset the input carries, only its instant counts.
      expect(inZone(zoned).format()).toBe(zoned.format());
      expect(inZone(fixed).valueOf()).toBe(ms);
      expect(inZone(dayjs(ms).utcOffset(-300)).format()).toBe(zoned.format());
    }),
    { numRuns: 2000 },
  );
});

test('day boundaries and day arithmetic agree, and toIso writes +08:00', () => {
  fc.assert(
    fc.property(instants, fc.integer({ min: -400, max: 400 }), (ms, days) => {
      const fixed = inZone(ms);
      const zoned = dayjs(ms).tz(ZONE);
      expect(fixed.startOf('day').valueOf()).toBe(zoned.startOf('day').valueOf());
      expect(fixed.endOf('day').valueOf()).toBe(zoned.endOf('day').valueOf());
      expect(fixed.add(days, 'day').format()).toBe(zoned.add(days, 'day').format());
      expect(toIso(ms)).toMatch(/\+08:00$/);
    }),
    { numRuns: 1000 },
  );
  expect(inZone('2026-12-08T01:30:00Z').format('YYYY-MM-DD HH:mm dddd')).toBe('2026-12-08 09:30 Tuesday');
  expect(toIso(dayjs.tz('2026-12-08 09:00', ZONE))).toBe('2026-12-08T09:00:00+08:00');
});
