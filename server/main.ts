import { buildApp } from './app.js';
import { ConfigError, readConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { systemClock } from './system-clock.js';
import { seedDemoOnStart } from './seed/startup.js';

/** Reads the config, opens (and migrates) the database, seeds the demo campus, listens. */
async function main(): Promise<void> {
  const config = readConfig();
  const db = openDatabase(config.databasePath);
  const app = await buildApp({ config, db });
  const seedMessage = await seedDemoOnStart(config, db, systemClock);
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
