import type { Config } from '../config.js';
import type { Db } from '../db/connection.js';
import { createRepositories } from '../db/repositories/index.js';
import type { Clock } from '../domain/clock.js';
import { generatePassword } from '../usecases/accounts.js';
import { hashPassword } from '../usecases/passwords.js';
import { DEMO_ADMIN_EMAIL, DEMO_PRINCIPAL_EMAIL, DEMO_VIEWER_EMAIL } from './demo-accounts.js';
import { seedDemoCampusIfEmpty } from './demo.js';

/**
 * At start: seeds the demo campus and its accounts into an empty database, never in production.
 * Returns what to tell the person who started the server (the generated password, once), or null.
 */
export async function seedDemoOnStart(config: Pick<Config, 'seed' | 'environment' | 'demoPassword'>, db: Db, clock: Clock): Promise<string | null> {
  if (config.seed !== 'demo' || config.environment === 'production') return null;
  if (createRepositories(db).campuses.list(true).length > 0) return null;
  const password = config.demoPassword ?? generatePassword();
  const seeded = seedDemoCampusIfEmpty(db, clock, { passwordHash: await hashPassword(password) });
  if (!seeded) return null;
  const shown = config.demoPassword ? 'the password in COMMONS_DEMO_PASSWORD' : `the password ${password} (shown once; set COMMONS_DEMO_PASSWORD to choose it)`;
  const emails = `${DEMO_ADMIN_EMAIL}, ${DEMO_PRINCIPAL_EMAIL}, ${DEMO_VIEWER_EMAIL}, lead-<location code>@demo.test`;
  return `Seeded the demo campus with ${seeded.accounts} demo accounts (${emails}): sign in with ${shown}.`;
}
