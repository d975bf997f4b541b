/**
 * Runs `fn` once the first screen has painted: every screen has an `h1`, and a screen still
 * waiting for its data shows a `.loading` line, so an `h1` with no `.loading` in `<main>`
 * marks it; a fallback timer covers a screen that never gets there. Work that can wait (the
 * sync engine and its chunks, the next screen's chunks) then stays off the first screen's
 * critical path.
 */
export function afterFirstScreen(fn: () => void, fallbackMs = 3000): void {
  const main = document.getElementById('main');
  const shown = () => !!main?.querySelector('h1') && !main.querySelector('.loading');
  onceOrAfter(fallbackMs, (trigger) => {
    if (shown()) {
      trigger();
      return () => undefined;
    }
    const observer = new MutationObserver(() => shown() && trigger());
    if (main) observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, () => afterPaint(fn));
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
  onceOrAfter(PAINT_REPORT_MS, (trigger) => {
    if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) return () => undefined;
    const observer = new PerformanceObserver((list) => list.getEntries().some((e) => e.startTime >= since) && trigger());
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    return () => observer.disconnect();
  }, () => setTimeout(fn, 0));
}

/**
 * Runs `fn` once: when `watch` calls its trigger (it may at once), or after `ms`, whichever
 * comes first. `watch` starts watching and returns how to stop, which runs when `fn` does.
 */
function onceOrAfter(ms: number, watch: (trigger: () => void) => () => void, fn: () => void): void {
  let done = false;
  let stop: (() => void) | undefined;
  const trigger = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    stop?.();
    fn();
  };
  const timer = setTimeout(trigger, ms);
  stop = watch(trigger);
  if (done) stop();
}
