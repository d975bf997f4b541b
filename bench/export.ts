import { readFileSync, rmSync } from 'node:fs';
import type { Figure, SectionResult } from './report';
import { fill } from './results-read';
import { BENCH_TOKEN, startStance, tempDir } from './servers';
import { round } from './stats';

/** Responses in the exported survey: the size DESIGN §10 names for the labelled workbook. */
export const EXPORT_SIZE = 100_000;
/** Server memory the export must stay within (issue 13). */
const MEMORY_CEILING_MB = 256;
const SAMPLE_MS = 25;

/** A line of /proc/<pid>/status in MB (VmRSS now, VmHWM the peak so far). */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return Number(line?.match(/(\d+) kB/)?.[1] ?? NaN) / 1024;
}

/** Downloads one export, sampling the server's resident memory while it is written and sent. */
async function timedExport(url: string, pid: number): Promise<{ ms: number; bytes: number; peakRssMb: number; status: number }> {
  let peak = statusMb(pid, 'VmRSS');
  const timer = setInterval(() => (peak = Math.max(peak, statusMb(pid, 'VmRSS'))), SAMPLE_MS);
  const start = performance.now();
  try {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${BENCH_TOKEN}` } });
    const bytes = (await res.arrayBuffer()).byteLength;
    return { ms: performance.now() - start, bytes, peakRssMb: Math.max(peak, statusMb(pid, 'VmRSS')), status: res.status };
  } finally {
    clearInterval(timer);
  }
}

/** One export from a server of its own, so its peak is not the other export's leftover heap. */
async function exportOnce(dataDir: string, path: string) {
  const server = await startStance({ rateLimit: false, dataDir });
  try {
    const base = `${server.url}/api/v1/surveys/sovereign-ai`;
    await fetch(`${base}/results`); // the read model warms up before the baseline is taken
    const idleRssMb = statusMb(server.pid, 'VmRSS');
    const measured = await timedExport(`${base}/${path}`, server.pid);
    if (measured.status !== 200) throw new Error(`${path} answered ${measured.status}`);
    return { ...measured, idleRssMb, processPeakRssMb: statusMb(server.pid, 'VmHWM') };
  } finally {
    await server.stop();
  }
}

/**
 * The labelled workbook and the CSV of 100,000 responses from the real server: wall time
 * and the server's peak resident memory while exporting, beside its resident memory before.
 */
export async function benchExport(): Promise<SectionResult> {
  const dataDir = tempDir('export');
  try {
    await fill(dataDir, 0, EXPORT_SIZE);
    const xlsx = await exportOnce(dataDir, 'responses.xlsx?lang=ko');
    const csv = await exportOnce(dataDir, 'responses.csv?lang=ko');
    const figures: Figure[] = [
      { section: 'export', name: '100,000 responses: labelled .xlsx, time', value: round(xlsx.ms / 1000, 1), unit: 's' },
      { section: 'export', name: '100,000 responses: labelled .xlsx, server peak RSS', value: round(xlsx.peakRssMb, 0), unit: 'MB', target: { op: '<=', value: MEMORY_CEILING_MB } },
      { section: 'export', name: '100,000 responses: labelled CSV, time', value: round(csv.ms / 1000, 1), unit: 's' },
      { section: 'export', name: '100,000 responses: labelled CSV, server peak RSS', value: round(csv.peakRssMb, 0), unit: 'MB', target: { op: '<=', value: MEMORY_CEILING_MB } },
    ];
    return { figures, details: { size: EXPORT_SIZE, xlsx, csv } };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
