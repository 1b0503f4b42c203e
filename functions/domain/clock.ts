/** The one source of "now" for every rule, so tests and the bench can move time. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
