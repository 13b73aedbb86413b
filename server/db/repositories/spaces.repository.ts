import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { OpenHours } from '../../domain/spaces.js';
import type { Db } from '../connection.js';
import { sharedJson } from '../json-column.js';
import { spaces } from '../schema/index.js';

export type SpaceRow = typeof spaces.$inferSelect;
export type NewSpace = Omit<typeof spaces.$inferInsert, 'id'>;
/** What the conflict checker reads of a space. */
export type SpaceRuleRow = Pick<SpaceRow, 'id' | 'name' | 'kind' | 'capacity' | 'parentId' | 'setupMinutes' | 'teardownMinutes' | 'archivedAt'> & { openHours: OpenHours | null };

type RuleColumns = [number, string, string, number, number | null, number, number, string | null, number | null];

export function createSpacesRepository(db: Db) {
  const byId = db.select().from(spaces).where(eq(spaces.id, sql.placeholder('id'))).prepare();
  // Read on every check, raw and prepared: drizzle's row mapping and a JSON.parse per space cost
  // more than the query; the open hours are parsed once per distinct text (sharedJson).
  const rulesByCampus = db.$client
    .prepare<[campusId: number], RuleColumns>(
      'SELECT id, name, kind, capacity, parent_id, setup_minutes, teardown_minutes, open_hours, archived_at FROM spaces WHERE campus_id = ? ORDER BY name, id',
    )
    .raw(true);
  return {
    listByCampus(campusId: number, includeArchived: boolean): SpaceRow[] {
      const scope = includeArchived ? eq(spaces.campusId, campusId) : and(eq(spaces.campusId, campusId), isNull(spaces.archivedAt));
      return db.select().from(spaces).where(scope).orderBy(asc(spaces.name), asc(spaces.id)).all();
    },
    /** Every space of the campus, archived included (conflict checks need the whole family tree); open hours are frozen. */
    rulesOfCampus(campusId: number): SpaceRuleRow[] {
      return rulesByCampus.all(campusId).map(([id, name, kind, capacity, parentId, setupMinutes, teardownMinutes, openHours, archivedAt]) => ({
        id, name, kind, capacity, parentId, setupMinutes, teardownMinutes, openHours: sharedJson<OpenHours>(openHours), archivedAt,
      }));
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
