import type { Clock } from './domain/clock.js';

/** The real clock: the one place outside tests where the time is read; everything else is handed a Clock. */
export const systemClock: Clock = () => Date.now();
