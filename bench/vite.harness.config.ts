import { defineConfig } from 'vite';

/**
 * The in-page harness for the client benchmark: the real data layer (src/client) as one
 * browser script, which the bench serves on the app's own origin so it shares its IndexedDB.
 */
export default defineConfig({
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist/bench/browser',
    emptyOutDir: true,
    minify: false,
    lib: { entry: 'bench/browser/harness.ts', formats: ['es'], fileName: () => 'harness.js' },
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
