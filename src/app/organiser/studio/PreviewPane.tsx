import { For, Show, createEffect, createMemo, createSignal } from 'solid-js';
import { inOneLanguage } from '../../../core/authoring/translations';
import { questionNumbers } from '../../../core/numbering';
import type { AnswerValue, Answers } from '../../../core/response';
import { withAnswer } from '../../answers';
import { isVisible } from '../../../core/visibility';
import type { Locale } from '../../../core/vocabulary';
import { QuestionField } from '../../components/questions/QuestionField';
import { locale, tx } from '../../i18n';
import type { Editor } from './editor-store';
import { st, type StudioKey } from './strings';

const LANGS: { value: Locale; key: StudioKey }[] = [{ value: 'ko', key: 'korean' }, { value: 'en', key: 'english' }];

/**
 * A phone-sized preview built from the respondent's own question components: the section of
 * the question being edited (or the notice, while the settings are), in the language chosen
 * here, scrolled to that question. Answers stay in the preview, so conditions can be tried.
 */
export function PreviewPane(props: { editor: Editor }) {
  const [lang, setLang] = createSignal<Locale>(locale());
  const [answers, setAnswers] = createSignal<Answers>({});
  const missing = () => st('missingText');
  const shown = createMemo(() => inOneLanguage(props.editor.snapshot(), lang(), missing()));
  const sectionIndex = () => Math.max(0, shown().sections.findIndex((s) => s.questions.some((q) => q.id === props.editor.active())));
  const section = () => shown().sections[sectionIndex()];
  // Numbered as the respondent's pages number them (core/numbering), so the preview shows what a phone will.
  const numbers = createMemo(() => questionNumbers(shown()));
  const set = (id: string, value: AnswerValue | undefined) =>
    setAnswers((current) => withAnswer(current, id, value));
  let frame: HTMLDivElement | undefined;
  createEffect(() => {
    const id = props.editor.active();
    queueMicrotask(() => {
      const target = id ? frame?.querySelector<HTMLElement>(`[data-preview="${CSS.escape(id)}"]`) : undefined;
      if (frame) frame.scrollTop = target ? target.offsetTop - frame.offsetTop - 8 : 0;
    });
  });
  return (
    <aside class="st-preview" aria-labelledby="st-preview-heading">
      <div class="st-item-head">
        <h2 id="st-preview-heading">{st('preview')}</h2>
        <div class="org-tabs" role="group" aria-label={st('previewLanguage')}>
          <For each={LANGS}>
            {(l) => (
              <button type="button" class="secondary small" lang={l.value} aria-pressed={lang() === l.value} onClick={() => setLang(l.value)}>
                {l.value === 'ko' ? '한국어' : 'English'}
              </button>
            )}
          </For>
        </div>
      </div>
      <div class="st-phone" role="region" lang={lang()} ref={frame} data-testid="preview" tabIndex={0} aria-label={`${st('preview')} · ${st(lang() === 'ko' ? 'korean' : 'english')}`}>
        <Show
          when={props.editor.active() !== undefined && section()}
          fallback={
            <article class="card notice">
              <h3>{tx(shown().title)}</h3>
              <p>{tx(shown().description)}</p>
              <p class="notice-text">{tx(shown().notice)}</p>
            </article>
          }
        >
          {(s) => (
            <>
              <h3 class="section-title">{tx(s().title)}</h3>
              <Show when={s().questions.length} fallback={<p class="org-note">{st('previewEmpty')}</p>}>
                <For each={s().questions.filter((q) => isVisible(q, answers()))}>
                  {(q) => (
                    <div data-preview={q.id} classList={{ 'st-preview-active': q.id === props.editor.active() }}>
                      <QuestionField question={q} number={numbers().get(q.id) ?? ''} value={answers()[q.id]} error={undefined} onChange={(v) => set(q.id, v)} />
                    </div>
                  )}
                </For>
              </Show>
            </>
          )}
        </Show>
      </div>
    </aside>
  );
}
