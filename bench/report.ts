import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** A target of DESIGN §5: the figure must be at most (`<=`) or at least (`>=`) this. */
export type Target = { op: '<=' | '>='; value: number };

/**
 * One measured figure. `limit` is what the machine or the stack underneath manages on the
 * same work in the same run (SQLite alone, Hono answering a constant, an empty device), so
 * a reader sees how much of the gap is ours.
 */
export type Figure = {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: Target;
  limit?: { value: number; label: string };
  note?: string;
};

/** What one benchmark section hands back: its figures and the raw numbers behind them. */
export type SectionResult = { figures: Figure[]; details: unknown };

/** Whether a figure meets its target; undefined when it has none. */
export function meets(f: Figure): boolean | undefined {
  if (!f.target) return undefined;
  return f.target.op === '<=' ? f.value <= f.target.value : f.value >= f.target.value;
}

/** The figure as a fraction of its limit (throughput: share of the limit reached; latency: multiple of the floor). */
export function fraction(f: Figure): number | undefined {
  return f.limit && f.limit.value > 0 ? f.value / f.limit.value : undefined;
}

const num = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : String(Math.round(v * (Math.abs(v) < 1 ? 1000 : 100)) / (Math.abs(v) < 1 ? 1000 : 100)));

/** The figures as a Markdown table: figure, target, limit, fraction of the limit, verdict. */
export function table(figures: Figure[]): string {
  const rows = figures.map((f) => {
    const ok = meets(f);
    const ratio = fraction(f);
    return [
      f.section,
      f.name,
      `${num(f.value)} ${f.unit}`,
      f.target ? `${f.target.op === '<=' ? '≤' : '≥'} ${num(f.target.value)}` : '—',
      f.limit ? `${num(f.limit.value)} (${f.limit.label})` : '—',
      ratio === undefined ? '—' : ratio.toFixed(2),
      ok === undefined ? '' : ok ? 'ok' : 'MISS',
    ];
  });
  const head = ['section', 'figure', 'measured', 'target', 'limit (same run)', 'of limit', ''];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function stalledMicroseconds(): number {
  const match = /some avg10=[\d.]+ avg60=[\d.]+ avg300=[\d.]+ total=(\d+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
  return match ? Number(match[1]) : NaN;
}

/** Busy and total jiffies of all CPUs together, from /proc/stat. */
function cpuJiffies(): { busy: number; total: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - fields[3]! - fields[4]!, total };
}

/** What other programs did to the machine while the bench sat idle for `ms`, in percent. */
export type OthersLoad = { cpuBusy?: number; cpuWait?: number };

/**
 * Measures other programs while the bench runs nothing for `ms`: the share of both cores
 * they kept busy, and the share of time some task waited for a core (Linux pressure stall
 * information). Above a few percent, the figures measured next are lower than this machine can do.
 */
export async function othersLoad(ms = 2_000): Promise<OthersLoad> {
  try {
    const [stall, cpu] = [stalledMicroseconds(), cpuJiffies()];
    await new Promise((r) => setTimeout(r, ms));
    const after = cpuJiffies();
    return { cpuBusy: Math.round(((after.busy - cpu.busy) / (after.total - cpu.total)) * 100), cpuWait: Math.round((stalledMicroseconds() - stall) / (ms * 10)) };
  } catch {
    return {};
  }
}

/** Cores, memory, Node and Chromium: what BENCHMARKS.md records beside each run. */
export function machine(): Record<string, unknown> {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion(),
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

/** Writes bench/results.json: when, where, how, every figure and the raw details per section. */
export function writeResults(path: string, run: Record<string, unknown>, figures: Figure[], details: Record<string, unknown>): void {
  const withVerdicts = figures.map((f) => ({ ...f, meetsTarget: meets(f), fractionOfLimit: fraction(f) }));
  writeFileSync(path, JSON.stringify({ ...run, figures: withVerdicts, details }, null, 2) + '\n');
}
