import type { Membership } from './permissions.js';

/**
 * Who is making a change: a signed-in person with their roles per campus, or the system itself
 * (the demo seed, the admin command line), which is trusted and audited as "system".
 */
export interface Actor {
  userId: number | null;
  memberships: readonly Membership[];
  system: boolean;
}

export const anonymousActor: Actor = { userId: null, memberships: [], system: false };

export const systemActor: Actor = { userId: null, memberships: [], system: true };
