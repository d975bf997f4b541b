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
import { SqliteStore } from './store/sqlite';
import { httpServerOptions } from './timeouts';
import { loadSurveys } from './survey-files';
import { resolveAdminToken } from './token';
import { listenUrls } from './urls';

/** Reads the configuration, opens the store, loads surveys and listens. Nothing else. */
async function main(): Promise<void> {
  const config = readConfig(process.env, { staticDir: fileURLToPath(new URL('../app', import.meta.url)), version });
  preparePrivateDataDir(config.dataDir, databasePath(config.dataDir));
  const admin = resolveAdminToken(config.dataDir, process.env.STANCE_ADMIN_TOKEN);
  const store = new SqliteStore(databasePath(config.dataDir));
  for (const p of await loadSurveys(store, builtInSurveys, config.surveysDir)) {
    console.error(`Survey file ${p.file} (${p.path}) was not loaded: ${p.message}`);
  }
  const app = createApp({ store, clock: Date.now, config: { ...config, adminToken: admin.token } });
  const tls = config.tlsCert && config.tlsKey ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) } : undefined;
  const serverOptions = { ...httpServerOptions(config.timeouts), ...tls };
  const server = createAdaptorServer({ fetch: app.fetch, serverOptions, ...(tls ? { createServer: createHttpsServer } : {}) });
  // A hall of phones connects in bursts. Past Node's default backlog of 511 waiting
  // connections the kernel drops the rest, and each phone then waits a second or more to
  // retry; a deeper queue keeps them waiting milliseconds instead (bench: hall).
  server.listen({ port: config.port, host: config.host, backlog: 4096 }, () => {
    const info = server.address() as AddressInfo;
    console.log(`Stance ${version} is listening on port ${info.port}, data in ${config.dataDir}`);
    for (const url of listenUrls({ publicUrl: config.publicUrl, https: !!tls, host: config.host, port: info.port })) console.log(`  ${url}`);
    if (admin.source === 'generated') console.log(`Organiser token (shown only this once; kept in ${admin.path}):\n  ${admin.token}`);
    else if (admin.source === 'file') console.log(`Organiser token: in ${admin.path}`);
  });
  const stop = () => {
    // Live streams never end on their own, so close their connections before the store.
    server.close(() => void store.close().then(() => process.exit(0)));
    if ('closeAllConnections' in server) server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
