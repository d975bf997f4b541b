import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/*.test.ts', 'tests/{core,client,server,sw,app}/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/postgres-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [solid()],
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/postgres-setup.ts', 'tests/e2e/global-setup.ts'],
          fileParallelism: false,
          // One retry: a browser test that fails twice is a failure; one that passes on the retry
          // is reported as flaky in the output rather than failing CI.
          retry: 1,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
