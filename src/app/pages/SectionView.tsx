import { For, Show } from 'solid-js';
import { questionNumbers } from '../../core/numbering';
import { isVisible } from '../../core/visibility';
import { QuestionField } from '../components/questions/QuestionField';
import { t, tx } from '../i18n';
import type { SurveyStore } from '../stores/survey-store';

/** One section per screen: its visible questions, errors beside them, back and next. */
export function SectionView(props: { store: SurveyStore }) {
  // Numbers never move: a question that appears after an answer takes a letter (1a), as on the organiser's screens.
  const numbers = questionNumbers(props.store.survey);
  const hasErrors = () => Object.keys(props.store.errors()).length > 0;
  const focusFirstError = () => {
    const first = document.querySelector<HTMLElement>('.question.invalid input, .question.invalid textarea, .question.invalid button');
    first?.focus();
  };
  return (
    <Show when={props.store.section()}>
      {(section) => (
        <form
          class="section"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!props.store.next()) queueMicrotask(focusFirstError);
          }}
        >
          <h1 class="section-title">{tx(section().title)}</h1>
          <p class="hint required-note">{t('requiredNote')}</p>
          <Show when={hasErrors()}>
            <p class="error banner" role="alert">{t('fixErrors')}</p>
          </Show>
          <For each={section().questions.filter((q) => isVisible(q, props.store.answers()))}>
            {(question) => (
              <QuestionField
                question={question}
                number={numbers.get(question.id) ?? ''}
                value={props.store.answers()[question.id]}
                error={props.store.errors()[question.id]}
                onChange={(value) => props.store.setAnswer(question.id, value)}
              />
            )}
          </For>
          <div class="nav-buttons">
            <Show when={props.store.step() > 1}>
              <button type="button" class="secondary" onClick={() => props.store.back()}>
                {t('back')}
              </button>
            </Show>
            <button type="submit" class="primary">
              {props.store.step() === props.store.reviewStep() - 1 ? t('review') : t('next')}
            </button>
          </div>
        </form>
      )}
    </Show>
  );
}
