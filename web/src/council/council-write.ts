/** How the Council home's writes report back (see NextMeeting's `run`). */

/** A write's outcome: the sentence to announce, or null to say nothing. */
export type Write = () => Promise<string | null>;

/** Runs one write at a time; false when it failed (the failure is shown) or another was under way. */
export type Run = (write: Write) => Promise<boolean>;

/** Thrown by a write that finds its item gone once the agenda is written down: treated like a stale version. */
export class Gone extends Error {}
