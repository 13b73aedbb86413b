import { and, asc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { ClosureRule } from '../../domain/conflicts.js';
import type { Db } from '../connection.js';
import { closures } from '../schema/index.js';

export type ClosureRow = typeof closures.$inferSelect;
export type NewClosure = Omit<typeof closures.$inferInsert, 'id'>;

type ClosureRuleColumns = [number, ClosureRow['reason'], string, string | null, string, string, number, number];

export function createClosuresRepository(db: Db) {
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
  // Closures are few (dozens a year), so one campus-wide range read per check is cheap; raw and
  // prepared, because drizzle's row mapping cost twice the query.
  const rulesInRange = db.$client
    .prepare<[campusId: number, toUtc: number, fromUtc: number], ClosureRuleColumns>(
      `SELECT id, reason, note, space_ids, local_start, local_end, start_utc, end_utc FROM closures
        WHERE campus_id = ? AND archived_at IS NULL AND start_utc < ? AND end_utc > ? ORDER BY start_utc`,
    )
    .raw(true);

  return {
    listByCampus(campusId: number, includeArchived: boolean, range?: { fromUtc: number; toUtc: number }): ClosureRow[] {
      const conditions = [eq(closures.campusId, campusId)];
      if (!includeArchived) conditions.push(isNull(closures.archivedAt));
      if (range) conditions.push(lt(closures.startUtc, range.toUtc), gt(closures.endUtc, range.fromUtc));
      return db.select().from(closures).where(and(...conditions)).orderBy(asc(closures.startUtc), asc(closures.id)).all();
    },
    /** Whole rows of the closures in force at some point of [fromUtc, toUtc). */
    activeInRange(campusId: number, fromUtc: number, toUtc: number): ClosureRow[] {
      return activeInRange.all({ campusId, fromUtc, toUtc });
    },
    /** Closures in force at some point of [fromUtc, toUtc), as the conflict checker reads them. */
    activeRulesInRange(campusId: number, fromUtc: number, toUtc: number): ClosureRule[] {
      return rulesInRange.all(campusId, toUtc, fromUtc).map(([id, reason, note, spaceIds, localStart, localEnd, startUtc, endUtc]) => ({
        id, reason, note, spaceIds: spaceIds === null ? null : (JSON.parse(spaceIds) as number[] | null), localStart, localEnd, startUtc, endUtc,
      }));
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
