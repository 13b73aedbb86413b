/** Bounds that keep every query and every series finite. */

/** The longest single occurrence; longer events are a daily series. Bounds the conflict index scan. */
export const MAX_OCCURRENCE_MINUTES = 24 * 60;

/** Largest setup or teardown buffer a space may declare. */
export const MAX_BUFFER_MINUTES = 240;

/** Most occurrences one series may expand to (a daily series over a whole school year fits). */
export const MAX_OCCURRENCES_PER_SERIES = 400;

/** Longest range the occurrence listing serves at once. */
export const MAX_LISTING_DAYS = 400;
