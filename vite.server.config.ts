import { defineConfig } from 'vite';

/**
 * The server is compiled by Vite's SSR build (Node 20 does not run TypeScript). Packages in
 * node_modules stay external and are loaded at run time; better-sqlite3 has to, being native.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/server',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: { main: 'src/server/main.ts', backup: 'src/server/backup.ts', 'migrate-store': 'src/server/migrate-store.ts', 'analysis-worker': 'src/server/read-model/analysis-worker.ts' },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: { external: ['better-sqlite3'] },
});
