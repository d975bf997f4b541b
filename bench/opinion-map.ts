import { benchAnalysis } from './analysis.bench';
import type { Figure, SectionResult } from './report';

/** The opinion map (read + k-means + consensus) for 1,000, 10,000 and 100,000 respondents. */
export async function benchOpinionMap(): Promise<SectionResult> {
  const timings = benchAnalysis([1_000, 10_000, 100_000]);
  const figures: Figure[] = timings.flatMap((t) => [
    { section: 'opinion-map', name: `${t.respondents.toLocaleString('en-US')} respondents: read + analyse (k=${t.k})`, value: t.totalMs, unit: 'ms', note: `read ${t.readMs} ms, analyse ${t.analyseMs} ms, ${t.jsonBytes} bytes of JSON` },
  ]);
  return { figures, details: timings };
}
