import { defineConfig } from 'vitest/config';

/** Measurements run by hand, one file at a time, never in the suite. */
export default defineConfig({ test: { include: [process.env.MEASURE ?? 'bench/measure/*.measure.ts'], environment: 'node', testTimeout: 900_000 } });
