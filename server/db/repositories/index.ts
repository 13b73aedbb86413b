import type { Db } from '../connection.js';
import { createAuditRepository } from './audit.repository.js';
import { createBookingsRepository } from './bookings.repository.js';
import { createCampusesRepository } from './campuses.repository.js';
import { createClosuresRepository } from './closures.repository.js';
import { createCouncilRepository } from './council.repository.js';
import { createEventsRepository } from './events.repository.js';
import { createOccurrencesRepository } from './occurrences.repository.js';
import { createSchoolsRepository } from './schools.repository.js';
import { createSessionsRepository } from './sessions.repository.js';
import { createSpacesRepository } from './spaces.repository.js';
import { createUsersRepository } from './users.repository.js';

/** Every repository over one connection; built once per app and handed to the use cases. */
export function createRepositories(db: Db) {
  return {
    db,
    campuses: createCampusesRepository(db),
    schools: createSchoolsRepository(db),
    spaces: createSpacesRepository(db),
    closures: createClosuresRepository(db),
    bookings: createBookingsRepository(db),
    occurrences: createOccurrencesRepository(db),
    users: createUsersRepository(db),
    sessions: createSessionsRepository(db),
    audit: createAuditRepository(db),
    events: createEventsRepository(db),
    council: createCouncilRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
