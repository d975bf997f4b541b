import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

/** Organiser pages are lazy and live under this folder, so they never join the respondent's precache. */
const ORGANISER_DIR = '/src/app/organiser/';

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      injectManifest: {
        // A classic script: browsers without module service workers run it too, and nothing
        // in it may use `import.meta` (the data layer's lazy imports are inlined here).
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['assets/organiser/**', 'screenshot*.png'],
      },
      manifest: {
        id: '/',
        name: 'Stance — 설문과 의견 추적',
        short_name: 'Stance',
        description: 'Offline-first stakeholder surveys and opinion tracking',
        lang: 'ko',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    // index.html preloads the entry's static imports, so nothing waits on a waterfall. Lazy
    // screens are precached by the service worker, so lists of their dependencies in the
    // first load would only speed up a first visit's later screens.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
    outDir: 'dist/app',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Modules the first screen shares with lazy chunks would otherwise land in several
        // tiny chunks, each costing a request and its own gzip overhead; one chunk holds them.
        codeSplitting: {
          // solid-js/store is for the organiser's studio alone, so it stays out of this first-load group.
          groups: [{ name: 'shared', test: /solid-js\/(?!store\/)|preload-helper|\/src\/app\/i18n|\/src\/core\/(ids|questions|errors|vocabulary)|\/src\/client\/(tx|surveys)\./ }],
        },
        // A chunk holding any organiser module is one only organiser chunks import (respondent code never
        // imports organiser modules), such as the modules the organiser pages and the studio share.
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.includes(ORGANISER_DIR) || chunk.moduleIds.some((id) => id.includes(ORGANISER_DIR))
            ? 'assets/organiser/[name]-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
