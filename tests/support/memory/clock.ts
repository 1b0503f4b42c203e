import { dayjs } from '../../../shared/time';
import type { Clock } from '../../../functions/domain/clock';

/** A clock that stands still until the test moves it. */
export interface TestClock extends Clock {
  set(at: number | string): void;
  advance(ms: number): void;
}

export function createTestClock(start: number | string): TestClock {
  let now = dayjs(start).valueOf();
  return {
    now: () => now,
    set(at) {
      now = dayjs(at).valueOf();
    },
    advance(ms) {
      now += ms;
    },
  };
}
