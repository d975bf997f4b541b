import { parentPort } from 'node:worker_threads';
import { drawMap, type DrawJob } from './draw-map';

// The opinion-map worker (built to dist/server/analysis-worker.js): it draws maps one at a
// time off the main thread, so a map of 100,000 respondents never stalls submissions.
parentPort!.on('message', ({ id, job }: { id: number; job: DrawJob }) => {
  try {
    parentPort!.postMessage({ id, body: drawMap(job) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
