import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { sessions } from '../schema/index.js';

export type SessionRow = typeof sessions.$inferSelect;

export function createSessionsRepository(db: Db) {
  return {
    insert(values: Omit<typeof sessions.$inferInsert, 'id'>): SessionRow {
      return db.insert(sessions).values(values).returning().get();
    },
    findByTokenHash(tokenHash: string): SessionRow | undefined {
      return db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).get();
    },
    get(id: number): SessionRow | undefined {
      return db.select().from(sessions).where(eq(sessions.id, id)).get();
    },
    /** Sessions that still work: not revoked, not past their end, used within idleMs. */
    activeOfUser(userId: number, now: number, idleMs: number): SessionRow[] {
      return db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, now - idleMs)))
        .orderBy(desc(sessions.lastSeenAt))
        .all();
    },
    touch(id: number, now: number): void {
      db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
    },
    revoke(id: number, now: number): void {
      db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, id), isNull(sessions.revokedAt))).run();
    },
    revokeAllOfUser(userId: number, now: number): void {
      db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))).run();
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
