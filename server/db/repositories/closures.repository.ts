import { and, asc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { closures } from '../schema/index.js';

export type ClosureRow = typeof closures.$inferSelect;
export type NewClosure = Omit<typeof closures.$inferInsert, 'id'>;

export function createClosuresRepository(db: Db) {
  // Closures are few (dozens a year), so one campus-wide range read per check is cheap.
  const activeInRange = db
    .select()
    .from(closures)
    .where(
      and(
        eq(closures.campusId, sql.placeholder('campusId')),
        isNull(closures.archivedAt),
        lt(closures.startUtc, sql.placeholder('toUtc')),
        gt(closures.endUtc, sql.placeholder('fromUtc')),
      ),
    )
    .orderBy(asc(closures.startUtc))
    .prepare();

  return {
    listByCampus(campusId: number, includeArchived: boolean, range?: { fromUtc: number; toUtc: number }): ClosureRow[] {
      const conditions = [eq(closures.campusId, campusId)];
      if (!includeArchived) conditions.push(isNull(closures.archivedAt));
      if (range) conditions.push(lt(closures.startUtc, range.toUtc), gt(closures.endUtc, range.fromUtc));
      return db.select().from(closures).where(and(...conditions)).orderBy(asc(closures.startUtc), asc(closures.id)).all();
    },
    activeInRange(campusId: number, fromUtc: number, toUtc: number): ClosureRow[] {
      return activeInRange.all({ campusId, fromUtc, toUtc });
    },
    campusHasClosures(campusId: number): boolean {
      return db.select({ id: closures.id }).from(closures).where(eq(closures.campusId, campusId)).limit(1).get() !== undefined;
    },
    get(id: number): ClosureRow | undefined {
      return db.select().from(closures).where(eq(closures.id, id)).get();
    },
    insert(values: NewClosure): ClosureRow {
      return db.insert(closures).values(values).returning().get();
    },
    update(id: number, values: Partial<NewClosure>): ClosureRow {
      return db.update(closures).set(values).where(eq(closures.id, id)).returning().get();
    },
  };
}

export type ClosuresRepository = ReturnType<typeof createClosuresRepository>;
