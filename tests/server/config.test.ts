import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, readConfig } from '../../src/server/config';
import { networkInterfaces } from 'node:os';
import { DEFAULT_HTTP_TIMEOUTS, httpServerOptions } from '../../src/server/timeouts';
import { joinBase, listenUrls } from '../../src/server/urls';
import { AUTH, getJson, setup } from './helpers';

const defaults = { staticDir: '/srv/app', version: '9.9.9' };

describe('configuration', () => {
  it('uses the documented defaults', () => {
    const config = readConfig({}, defaults);
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: resolve('./data'),
      surveysDir: resolve('./data/surveys'),
      trustProxy: false,
      rateLimit: DEFAULT_RATE_LIMIT,
      adminTokenFromEnv: false,
      staticDir: '/srv/app',
    });
    expect(config.publicUrl).toBeUndefined();
  });

  it('reads every variable and refuses wrong ones by name', () => {
    const config = readConfig(
      { PORT: '443', HOST: '127.0.0.1', DATA_DIR: '/var/stance', STANCE_ADMIN_TOKEN: 't', PUBLIC_URL: 'https://survey.example', TLS_CERT: 'c.pem', TLS_KEY: 'k.pem', TRUST_PROXY: 'true', RATE_LIMIT: 'off' },
      defaults,
    );
    expect(config).toMatchObject({ port: 443, host: '127.0.0.1', dataDir: '/var/stance', adminToken: 't', adminTokenFromEnv: true, publicUrl: 'https://survey.example', tlsCert: 'c.pem', tlsKey: 'k.pem', trustProxy: true, rateLimit: false });
    expect(() => readConfig({ PORT: 'eighty' }, defaults)).toThrow(/PORT/);
    expect(() => readConfig({ TLS_CERT: 'c.pem' }, defaults)).toThrow(/TLS_CERT and TLS_KEY/);
    expect(readConfig({ RATE_LIMIT_IP_PER_SECOND: '50' }, defaults).rateLimit).toMatchObject({ ipPerSecond: 50 });
  });

  it('reads the hostile-hall settings: timeouts, heartbeat, device secret and credential limits', () => {
    const defaultsRead = readConfig({}, defaults);
    expect(defaultsRead.timeouts).toEqual({ headersTimeoutMs: 20_000, requestTimeoutMs: 60_000 });
    expect(defaultsRead).toMatchObject({ heartbeatMs: 15_000, deviceSecret: undefined, rateLimit: { issueBurst: 2_500, issuePerSecond: 20 } });
    const set = readConfig(
      { HEADERS_TIMEOUT_MS: '5000', REQUEST_TIMEOUT_MS: '30000', LIVE_HEARTBEAT_MS: '10000', STANCE_DEVICE_SECRET: 'shared-secret', RATE_LIMIT_CREDENTIAL_BURST: '100', RATE_LIMIT_CREDENTIAL_PER_SECOND: '2' },
      defaults,
    );
    expect(set).toMatchObject({ timeouts: { headersTimeoutMs: 5_000, requestTimeoutMs: 30_000 }, heartbeatMs: 10_000, deviceSecret: 'shared-secret', rateLimit: { issueBurst: 100, issuePerSecond: 2 } });
    expect(() => readConfig({ LIVE_HEARTBEAT_MS: '0' }, defaults)).toThrow(/LIVE_HEARTBEAT_MS/);
    expect(() => readConfig({ REQUEST_TIMEOUT_MS: 'soon' }, defaults)).toThrow(/REQUEST_TIMEOUT_MS/);
  });

  it('turns the timeouts into Node server options, checked often enough to meet them', () => {
    expect(httpServerOptions(DEFAULT_HTTP_TIMEOUTS)).toEqual({ headersTimeout: 20_000, requestTimeout: 60_000, connectionsCheckingInterval: 2_000 });
    // Node refuses a headers deadline past the whole request's.
    expect(httpServerOptions({ headersTimeoutMs: 90_000, requestTimeoutMs: 30_000 })).toMatchObject({ headersTimeout: 30_000, requestTimeout: 30_000 });
    expect(httpServerOptions({ headersTimeoutMs: 20_000, requestTimeoutMs: 0 })).toMatchObject({ headersTimeout: 20_000, requestTimeout: 0 });
    expect(httpServerOptions({ headersTimeoutMs: 500, requestTimeoutMs: 1_000 }).connectionsCheckingInterval).toBe(100);
  });

  it('prints PUBLIC_URL when set, else LAN addresses and localhost', () => {
    expect(listenUrls({ publicUrl: 'https://survey.example/', https: true, host: '0.0.0.0', port: 443 })).toEqual(['https://survey.example/']);
    const lan = listenUrls({ https: false, host: '0.0.0.0', port: 8080 });
    expect(lan.at(-1)).toBe('http://localhost:8080/');
    expect(lan.every((u) => /^http:\/\/[^/]+:8080\/$/.test(u))).toBe(true);
  });

  it('points join links at PUBLIC_URL, else the first LAN address, and at loopback only when nothing else can work', () => {
    expect(joinBase({ publicUrl: 'https://survey.example/', https: true, host: '0.0.0.0', port: 443 })).toEqual({ url: 'https://survey.example', source: 'configured' });
    const lan = Object.values(networkInterfaces()).flat().find((a) => a?.family === 'IPv4' && !a.internal)?.address;
    const wildcard = joinBase({ https: false, host: '0.0.0.0', port: 8080 });
    expect(wildcard).toEqual(lan ? { url: `http://${lan}:8080`, source: 'lan' } : { url: 'http://localhost:8080', source: 'loopback' });
    expect(joinBase({ https: true, host: '192.168.7.20', port: 8443 })).toEqual({ url: 'https://192.168.7.20:8443', source: 'lan' });
    expect(joinBase({ https: false, host: '127.0.0.1', port: 8080 })).toEqual({ url: 'http://localhost:8080', source: 'loopback' });
  });

  it('tells the organiser UI the public address in the overview', async () => {
    const { app } = await setup({ config: { publicUrl: 'https://survey.example/' } });
    expect((await getJson(app, '/api/v1/surveys/poll/overview', AUTH)).body.publicUrl).toBe('https://survey.example/');
  });
});
