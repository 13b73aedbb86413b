import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../connection.js';
import { schools } from '../schema/index.js';

export type SchoolRow = typeof schools.$inferSelect;
export type NewSchool = Omit<typeof schools.$inferInsert, 'id'>;

export function createSchoolsRepository(db: Db) {
  const byId = db.select().from(schools).where(eq(schools.id, sql.placeholder('id'))).prepare();
  return {
    listByCampus(campusId: number, includeArchived: boolean): SchoolRow[] {
      const scope = includeArchived ? eq(schools.campusId, campusId) : and(eq(schools.campusId, campusId), isNull(schools.archivedAt));
      return db.select().from(schools).where(scope).orderBy(asc(schools.name), asc(schools.id)).all();
    },
    get(id: number): SchoolRow | undefined {
      return byId.get({ id });
    },
    findByCode(campusId: number, locationCode: string): SchoolRow | undefined {
      return db.select().from(schools).where(and(eq(schools.campusId, campusId), eq(schools.locationCode, locationCode))).get();
    },
    insert(values: NewSchool): SchoolRow {
      return db.insert(schools).values(values).returning().get();
    },
    update(id: number, values: Partial<NewSchool>): SchoolRow {
      return db.update(schools).set(values).where(eq(schools.id, id)).returning().get();
    },
  };
}

export type SchoolsRepository = ReturnType<typeof createSchoolsRepository>;
