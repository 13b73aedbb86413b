import { buildApp } from './app.js';
import { ConfigError, readConfig, type Config } from './config.js';
import { openDatabase, type Db } from './db/connection.js';
import { createRepositories } from './db/repositories/index.js';
import { systemClock } from './domain/clock.js';
import { seedDemoCampusIfEmpty } from './seed/demo.js';
import { DEMO_ADMIN_EMAIL } from './seed/demo-accounts.js';
import { generatePassword } from './usecases/accounts.js';
import { hashPassword } from './usecases/passwords.js';

/** Seeds the demo campus and its accounts into an empty database; never in production. */
async function seedDemo(config: Config, db: Db): Promise<string | null> {
  if (config.seed !== 'demo' || config.environment === 'production') return null;
  if (createRepositories(db).campuses.list(true).length > 0) return null;
  const password = config.demoPassword ?? generatePassword();
  const seeded = seedDemoCampusIfEmpty(db, systemClock, { passwordHash: await hashPassword(password) });
  if (!seeded) return null;
  const shown = config.demoPassword ? 'the password in COMMONS_DEMO_PASSWORD' : `the password ${password} (shown once; set COMMONS_DEMO_PASSWORD to choose it)`;
  return `Seeded the demo campus with ${seeded.accounts} demo accounts (${DEMO_ADMIN_EMAIL}, principal@demo.test, viewer@demo.test, lead-<location code>@demo.test): sign in with ${shown}.`;
}

/** Reads the config, opens (and migrates) the database, seeds the demo campus, listens. */
async function main(): Promise<void> {
  const config = readConfig();
  const db = openDatabase(config.databasePath);
  const app = await buildApp({ config, db });
  const seedMessage = await seedDemo(config, db);
  if (seedMessage) console.log(seedMessage);
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    db.$client.close();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void close(s));
  process.once('SIGTERM', (s) => void close(s));
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
