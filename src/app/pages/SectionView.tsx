import { For, Show } from 'solid-js';
import { isVisible, visibleQuestions } from '../../core/visibility';
import { QuestionField } from '../components/questions/QuestionField';
import { t, tx } from '../i18n';
import type { SurveyStore } from '../stores/survey-store';

/** One section per screen: its visible questions, errors beside them, back and next. */
export function SectionView(props: { store: SurveyStore }) {
  // Numbers follow what the respondent sees, so a question hidden by an earlier answer leaves no gap.
  const numberOf = (id: string) => visibleQuestions(props.store.survey, props.store.answers()).findIndex((q) => q.id === id) + 1;
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
          <Show when={hasErrors()}>
            <p class="error banner" role="alert">{t('fixErrors')}</p>
          </Show>
          <For each={section().questions.filter((q) => isVisible(q, props.store.answers()))}>
            {(question) => (
              <QuestionField
                question={question}
                number={numberOf(question.id)}
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
