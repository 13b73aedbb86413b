import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { campuses } from '../schema/index.js';

export type CampusRow = typeof campuses.$inferSelect;
export type NewCampus = Omit<typeof campuses.$inferInsert, 'id'>;

export function createCampusesRepository(db: Db) {
  const byId = db.select().from(campuses).where(eq(campuses.id, sql.placeholder('id'))).prepare();
  return {
    list(includeArchived: boolean): CampusRow[] {
      const query = db.select().from(campuses).orderBy(asc(campuses.name), asc(campuses.id));
      return includeArchived ? query.all() : query.where(isNull(campuses.archivedAt)).all();
    },
    get(id: number): CampusRow | undefined {
      return byId.get({ id });
    },
    insert(values: NewCampus): CampusRow {
      return db.insert(campuses).values(values).returning().get();
    },
    update(id: number, values: Partial<NewCampus>): CampusRow {
      return db.update(campuses).set(values).where(eq(campuses.id, id)).returning().get();
    },
  };
}

export type CampusesRepository = ReturnType<typeof createCampusesRepository>;
