import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/** The organiser token the chaos server runs with. */
export const CHAOS_TOKEN = 'chaos-organiser-token-0123456789';

/**
 * A private copy of the built server (`dist/server`, built first if missing). Another
 * session may rebuild `dist` while the chaos run restarts its server many times, so the
 * run starts the same bytes every time. The copy stays inside the repository so the
 * bundle's bare imports (hono, better-sqlite3) still resolve to node_modules.
 */
export function snapshotBuiltServer(): { main: string; remove(): void } {
  if (!existsSync(join(root, 'dist/server/main.js'))) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`npm run build failed:\n${built.stderr}`);
  }
  const dir = join(root, '.tmp', `chaos-${process.pid}`);
  cpSync(join(root, 'dist/server'), join(dir, 'server'), { recursive: true });
  return { main: join(dir, 'server', 'main.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The real server as a child process that can be SIGKILLed and started again on the same port and data. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    private readonly main: string,
    readonly port: number,
    readonly dataDir: string,
    private readonly env: Record<string, string> = {},
  ) {}

  /** The server's own address (not through the proxy). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts it and waits until /health answers. */
  async start(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [this.main], {
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, STANCE_ADMIN_TOKEN: CHAOS_TOKEN, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.output}`);
      if (await fetch(`${this.url}/api/v1/health`).then((r) => r.ok, () => false)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server did not become healthy:\n${this.output}`);
  }

  /** SIGKILL: no chance to finish a request, close the database or flush anything. */
  kill(): Promise<void> {
    return this.end('SIGKILL');
  }

  /** A graceful stop, for the end of the run. */
  stop(): Promise<void> {
    return this.end('SIGTERM');
  }

  private async end(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill(signal);
    await exited;
  }
}
