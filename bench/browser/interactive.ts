/** What the init script leaves on `window` for the bench to read, in ms since navigation start. */
export type StartupMarks = { statusShown?: number; startButton?: number; interactive?: number };

/**
 * Runs in every page before the app (Playwright's init script, so it is passed as a function
 * and must use nothing from outside). Marks when the notice's start button is in the page
 * and, after that, the first moment a zero-delay timer runs within 50 ms, i.e. no long task
 * stands between a tap and its handler: the page is usable. Also marks when the status bar
 * first says how many responses wait.
 */
export function markStartup(buttonText: string): void {
  const marks: StartupMarks = {};
  (window as unknown as { __startup: StartupMarks }).__startup = marks;
  const settle = () => {
    const asked = performance.now();
    setTimeout(() => {
      if (performance.now() - asked < 50) marks.interactive = asked;
      else settle();
    }, 0);
  };
  const check = () => {
    if (marks.startButton === undefined) {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === buttonText && !b.disabled);
      if (button) {
        marks.startButton = performance.now();
        settle();
      }
    }
    if (marks.statusShown === undefined && /\d/.test(document.querySelector('.status-bar')?.textContent ?? '')) marks.statusShown = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}
