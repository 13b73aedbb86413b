import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { memberships, users } from '../schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

export function createUsersRepository(db: Db) {
  return {
    get(id: number): UserRow | undefined {
      return db.select().from(users).where(eq(users.id, id)).get();
    },
    findByEmail(email: string): UserRow | undefined {
      return db.select().from(users).where(eq(users.email, email)).get();
    },
    list(): UserRow[] {
      return db.select().from(users).orderBy(asc(users.email)).all();
    },
    insert(values: Omit<typeof users.$inferInsert, 'id'>): UserRow {
      return db.insert(users).values(values).returning().get();
    },
    update(id: number, values: Partial<Omit<typeof users.$inferInsert, 'id'>>): UserRow {
      return db.update(users).set(values).where(eq(users.id, id)).returning().get();
    },
    membershipsOf(userId: number): MembershipRow[] {
      return db.select().from(memberships).where(eq(memberships.userId, userId)).orderBy(asc(memberships.campusId), asc(memberships.id)).all();
    },
    membershipsOfCampus(campusId: number) {
      return db
        .select({ membership: memberships, user: users })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.campusId, campusId))
        .orderBy(asc(users.email), asc(memberships.id))
        .all();
    },
    getMembership(id: number): MembershipRow | undefined {
      return db.select().from(memberships).where(eq(memberships.id, id)).get();
    },
    findMembership(userId: number, campusId: number, role: MembershipRow['role'], schoolId: number | null): MembershipRow | undefined {
      const school = schoolId === null ? isNull(memberships.schoolId) : eq(memberships.schoolId, schoolId);
      return db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.campusId, campusId), eq(memberships.role, role), school)).get();
    },
    addMembership(values: Omit<typeof memberships.$inferInsert, 'id'>): MembershipRow {
      return db.insert(memberships).values(values).returning().get();
    },
    removeMembership(id: number): void {
      db.delete(memberships).where(eq(memberships.id, id)).run();
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
