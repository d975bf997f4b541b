import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The chaos run (`npm run test:chaos`): minutes long, so it is kept out of `npm test`'s
 * projects and run on its own, after them, by .ci/run.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'chaos',
    include: ['tests/chaos/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/postgres-setup.ts'],
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    hookTimeout: 5 * 60_000,
  },
});
