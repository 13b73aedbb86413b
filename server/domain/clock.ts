/** The current time in epoch ms. Injected everywhere so domain code and tests never read the wall clock. */
export type Clock = () => number;

export function fixedClock(epochMs: number): Clock {
  return () => epochMs;
}
