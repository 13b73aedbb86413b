import { buildApp } from './app.js';
import { ConfigError, readConfig } from './config.js';
import { openDatabase } from './db/connection.js';
import { seedDemoCampusIfEmpty } from './seed/demo.js';
import { systemClock } from './domain/clock.js';

/** Reads the config, opens (and migrates) the database, seeds the demo campus, listens. */
async function main(): Promise<void> {
  const config = readConfig();
  const db = openDatabase(config.databasePath);
  const app = await buildApp({ config, db });
  if (config.seed === 'demo' && config.environment !== 'production') {
    const seeded = seedDemoCampusIfEmpty(db, systemClock);
    if (seeded) app.log.info(seeded, 'seeded the demo campus');
  }
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
