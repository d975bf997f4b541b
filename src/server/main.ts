import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { version } from '../../package.json';
import { builtInSurveys } from '../core/surveys';
import { createApp } from './app';
import { databasePath, readConfig } from './config';
import { preparePrivateDataDir } from './private-files';
import { openStore } from './store/open';
import { httpServerOptions } from './timeouts';
import { loadSurveys } from './survey-files';
import { resolveAdminToken, resolveSharedAdminToken } from './token';
import { joinBase, listenUrls } from './urls';

/** Reads the configuration, opens the store, loads surveys and listens. Nothing else. */
async function main(): Promise<void> {
  const config = readConfig(process.env, { staticDir: fileURLToPath(new URL('../app', import.meta.url)), version });
  preparePrivateDataDir(config.dataDir, config.databaseUrl ? undefined : databasePath(config.dataDir));
  const store = await openStore(config);
  const admin = config.databaseUrl ? await resolveSharedAdminToken(store, process.env.STANCE_ADMIN_TOKEN) : resolveAdminToken(config.dataDir, process.env.STANCE_ADMIN_TOKEN);
  for (const p of await loadSurveys(store, builtInSurveys, config.surveysDir)) {
    console.error(`Survey file ${p.file} (${p.path}) was not loaded: ${p.message}`);
  }
  const tls = config.tlsCert && config.tlsKey ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) } : undefined;
  const base = joinBase({ publicUrl: config.publicUrl, https: !!tls, host: config.host, port: config.port });
  const firstAccounts = (await store.accounts.list()).length === 0;
  const app = createApp({ store, clock: Date.now, config: { ...config, adminToken: admin.token, publicUrl: base.url, publicUrlSource: base.source, analysisWorker: new URL('./analysis-worker.js', import.meta.url) } });
  const serverOptions = { ...httpServerOptions(config.timeouts), ...tls };
  const server = createAdaptorServer({ fetch: app.fetch, serverOptions, ...(tls ? { createServer: createHttpsServer } : {}) });
  // A hall of phones connects in bursts. Past Node's default backlog of 511 waiting
  // connections the kernel drops the rest, and each phone then waits a second or more to
  // retry; a deeper queue keeps them waiting milliseconds instead (bench: hall).
  server.listen({ port: config.port, host: config.host, backlog: 4096 }, () => {
    const info = server.address() as AddressInfo;
    console.log(`Stance ${version} is listening on port ${info.port}, ${config.databaseUrl ? `data in PostgreSQL (${redacted(config.databaseUrl)})` : `data in ${config.dataDir}`}`);
    for (const url of listenUrls({ publicUrl: config.publicUrl, https: !!tls, host: config.host, port: info.port })) console.log(`  ${url}`);
    console.log(`Join links and QR codes point at ${base.url}${base.source === 'configured' ? ' (PUBLIC_URL)' : ''}`);
    if (base.source === 'loopback') console.log('  Warning: that is this machine only; phones cannot reach it. Listen on the LAN (HOST=0.0.0.0) or set PUBLIC_URL.');
    if (admin.source === 'generated') console.log(`Organiser token (shown only this once; kept in ${admin.path ?? 'the database'}):\n  ${admin.token}`);
    else if (admin.source === 'file') console.log(`Organiser token: in ${admin.path}`);
    else if (admin.source === 'database') console.log('Organiser token: the one the first process printed (kept in the database)');
    if (firstAccounts) for (const line of firstAccountsHelp(base.url)) console.log(line);
  });
  const stop = () => {
    // Live streams never end on their own, so close their connections before the store.
    server.close(() => void store.close().then(() => process.exit(0)));
    if ('closeAllConnections' in server) server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** How to make the first organiser accounts, printed while there are none. */
function firstAccountsHelp(url: string): string[] {
  return [
    'No organiser accounts yet. Make the first ones with the organiser token:',
    `  in a browser: ${url}/organiser → "Sign in with the owner token" → Accounts → add an owner, then editors, analysts and viewers`,
    `  or: curl -X POST ${url}/api/v1/accounts -H "Authorization: Bearer <organiser token>" -H "Content-Type: application/json" \\`,
    `       -d '{"username": "you", "role": "owner", "surveys": "*"}'   (answers with a set-password link, valid 72 hours)`,
  ];
}

/** A database URL without its password, for the start-up text. */
function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
