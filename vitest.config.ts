import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Concurrency tests spawn servers; give slow shared machines room without timing anything.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
