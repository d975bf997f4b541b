/**
 * Runs `fn` once the first screen has painted: every screen has an `h1`, and a screen still
 * waiting for its data shows a `.loading` line, so an `h1` with no `.loading` in `<main>`
 * marks it; a fallback timer covers a screen that never gets there. Work that can wait (the
 * sync engine and its chunks) then stays off the first screen's critical path.
 */
export function afterFirstScreen(fn: () => void, fallbackMs = 3000): void {
  const main = document.getElementById('main');
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => setTimeout(fn, 0));
  };
  const shown = () => !!main?.querySelector('h1') && !main.querySelector('.loading');
  const observer = new MutationObserver(() => shown() && run());
  const timer = setTimeout(run, fallbackMs);
  if (shown()) run();
  else if (main) observer.observe(main, { childList: true, subtree: true });
}
