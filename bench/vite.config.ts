import { defineConfig } from 'vite';

/**
 * The bench runs TypeScript the way the server does: Vite's SSR build compiles it to
 * dist/bench (Node 20 runs no TypeScript), leaving every package in node_modules external.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/bench',
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: { main: 'bench/main.ts', 'http-constant': 'bench/http-constant.ts' },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: { external: ['better-sqlite3'] },
});
