/**
 * Who is making a change. Every write takes one so that permissions and the audit trail can be
 * attached without reshaping the request path; until accounts exist every request is anonymous.
 */
export interface Actor {
  userId: number | null;
}

export const anonymousActor: Actor = { userId: null };
