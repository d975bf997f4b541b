// Writes the documented spreadsheet example, docs/examples/sovereign-ai-v<version>.xlsx, from the
// built-in sovereign-AI survey's latest version with the server's own writer, so the example
// always matches the layout the server reads: node scripts/make-spreadsheet-example.mjs
import { runnerImport } from 'vite';
import { root } from './build-if-stale.mjs';

// Vite's module runner loads the TypeScript sources as they are, without a build.
await runnerImport('/scripts/spreadsheet-example.ts', { configFile: false, root, logLevel: 'warn' });
