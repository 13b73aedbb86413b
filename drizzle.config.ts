import { defineConfig } from 'drizzle-kit';

// Only `npm run db:generate` uses this: it diffs the schema and writes SQL into migrations/.
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/schema/index.ts',
  out: './migrations',
});
