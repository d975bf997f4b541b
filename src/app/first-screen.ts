/**
 * Runs `fn` once the first screen has painted: every screen has an `h1`, and a screen still
 * waiting for its data shows a `.loading` line, so an `h1` with no `.loading` in `<main>`
 * marks it; a fallback timer covers a screen that never gets there. Work that can wait (the
 * sync engine and its chunks, the next screen's chunks) then stays off the first screen's
 * critical path.
 */
export function afterFirstScreen(fn: () => void, fallbackMs = 3000): void {
  const main = document.getElementById('main');
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    afterPaint(fn);
  };
  const shown = () => !!main?.querySelector('h1') && !main.querySelector('.loading');
  const observer = new MutationObserver(() => shown() && run());
  const timer = setTimeout(run, fallbackMs);
  if (shown()) run();
  else if (main) observer.observe(main, { childList: true, subtree: true });
}

/** How long to wait for the browser to report the screen's paint before going ahead anyway. */
const PAINT_REPORT_MS = 500;

/**
 * Runs `fn` once the screen as it is now has reached the display. A frame callback runs
 * before its paint is presented, so a request made then still starts before the largest
 * contentful paint and counts against it (in Lighthouse's simulation, it delays it). The
 * browser's own largest-contentful-paint entry marks the presentation; when the screen
 * painted nothing larger than before, no entry comes, and a short timer stands in.
 */
function afterPaint(fn: () => void): void {
  const since = performance.now();
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    setTimeout(fn, 0);
  };
  const supported = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint');
  const observer = supported ? new PerformanceObserver((list) => list.getEntries().some((e) => e.startTime >= since) && go()) : undefined;
  observer?.observe({ type: 'largest-contentful-paint', buffered: true });
  const timer = setTimeout(go, PAINT_REPORT_MS);
}
