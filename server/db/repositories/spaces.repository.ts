import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { spaces } from '../schema/index.js';

export type SpaceRow = typeof spaces.$inferSelect;
export type NewSpace = Omit<typeof spaces.$inferInsert, 'id'>;

export function createSpacesRepository(db: Db) {
  const byId = db.select().from(spaces).where(eq(spaces.id, sql.placeholder('id'))).prepare();
  const byCampus = db.select().from(spaces).where(eq(spaces.campusId, sql.placeholder('campusId'))).orderBy(asc(spaces.name), asc(spaces.id)).prepare();
  return {
    listByCampus(campusId: number, includeArchived: boolean): SpaceRow[] {
      const scope = includeArchived ? eq(spaces.campusId, campusId) : and(eq(spaces.campusId, campusId), isNull(spaces.archivedAt));
      return db.select().from(spaces).where(scope).orderBy(asc(spaces.name), asc(spaces.id)).all();
    },
    /** Every space of the campus, archived included: conflict checks need the whole family tree. */
    allOfCampus(campusId: number): SpaceRow[] {
      return byCampus.all({ campusId });
    },
    get(id: number): SpaceRow | undefined {
      return byId.get({ id });
    },
    insert(values: NewSpace): SpaceRow {
      return db.insert(spaces).values(values).returning().get();
    },
    update(id: number, values: Partial<NewSpace>): SpaceRow {
      return db.update(spaces).set(values).where(eq(spaces.id, id)).returning().get();
    },
  };
}

export type SpacesRepository = ReturnType<typeof createSpacesRepository>;
