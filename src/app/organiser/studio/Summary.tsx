import { For, Show } from 'solid-js';
import { formatPath, surveyProblemMessage } from '../../../core/survey-problems';
import { locale } from '../../i18n';
import type { Editor } from './editor-store';
import { fieldId, type Path } from './fields';
import { st, stf } from './strings';

/** Focuses the field at `path`, or the nearest field around it that the editor shows. */
function goTo(path: Path): void {
  for (let n = path.length; n >= 0; n--) {
    const at = formatPath(path.slice(0, n));
    const element = document.getElementById(fieldId(path.slice(0, n))) ?? document.querySelector<HTMLElement>(`[data-path="${CSS.escape(at)}"]`);
    if (!element) continue;
    const target = element.matches('input, select, textarea, button') ? element : element.querySelector<HTMLElement>('input, select, textarea, button') ?? element;
    target.scrollIntoView({ block: 'center' });
    target.focus();
    return;
  }
}

/** How far the draft is from publishable: missing translations and problems counted, each with a way to its field. */
export function Summary(props: { editor: Editor }) {
  const missing = () => props.editor.missing();
  const problems = () => props.editor.problems();
  return (
    <section class="org-card st-summary" aria-labelledby="st-summary-heading">
      <h2 id="st-summary-heading" class="visually-hidden">{st('readiness')}</h2>
      <p classList={{ 'org-ok': missing().length === 0, 'st-flag': missing().length > 0 }} data-testid="missing-count">
        {missing().length ? stf('missingCount', { n: missing().length }) : st('allTranslated')}
      </p>
      <Show when={missing().length}>
        <details>
          <summary>{stf('missingCount', { n: missing().length })}</summary>
          <ul class="st-jump">
            <For each={missing()}>
              {(m) => (
                <li>
                  <button type="button" class="link-button" onClick={() => goTo([...m.path, m.missing])}>
                    {st('goTo')}: <code>{formatPath(m.path)}</code> · {st(m.missing === 'ko' ? 'korean' : 'english')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
      <p classList={{ 'org-ok': problems().length === 0, 'org-error': problems().length > 0 }} data-testid="problem-count">
        {problems().length ? stf('problemCount', { n: problems().length }) : st('noProblems')}
      </p>
      <Show when={problems().length}>
        <ul class="st-jump">
          <For each={problems()}>
            {(p) => (
              <li>
                <button type="button" class="link-button" onClick={() => goTo(p.path)}>
                  <code>{formatPath(p.path) || '—'}</code>: {surveyProblemMessage(p.code, p.params, locale())}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
