import { For, Show } from 'solid-js';
import { isVisible } from '../../core/visibility';
import { answerText } from '../answer-text';
import { t, tx } from '../i18n';
import type { SurveyStore } from '../stores/survey-store';

/** Every answer at a glance, each section editable, then submit. */
export function Review(props: { store: SurveyStore; onSubmit: () => void }) {
  return (
    <div class="review">
      <h1>{t('reviewTitle')}</h1>
      <For each={props.store.sections()}>
        {(section, index) => (
          <section class="card">
            <div class="review-head">
              <h2>{tx(section.title)}</h2>
              <button type="button" class="secondary small" onClick={() => props.store.goTo(index() + 1)}>
                {t('edit')}<span class="visually-hidden">: {tx(section.title)}</span>
              </button>
            </div>
            <dl>
              <For each={section.questions.filter((q) => isVisible(q, props.store.answers()))}>
                {(question) => (
                  <>
                    <dt>{tx(question.prompt)}</dt>
                    <dd classList={{ missing: props.store.answers()[question.id] === undefined }}>
                      {props.store.answers()[question.id] === undefined
                        ? t('notAnswered')
                        : answerText(question, props.store.answers()[question.id]!)}
                    </dd>
                  </>
                )}
              </For>
            </dl>
          </section>
        )}
      </For>
      <Show when={props.store.saveError()}>
        {(failure) => <p class="error banner" role="alert">{t(failure().error.code === 'quota_exceeded' ? 'quotaExceeded' : 'storageFailed')}</p>}
      </Show>
      <div class="nav-buttons">
        <button type="button" class="secondary" onClick={() => props.store.back()}>
          {t('back')}
        </button>
        <button type="button" class="primary" disabled={props.store.busy()} onClick={() => props.onSubmit()}>
          {props.store.busy() ? t('submitting') : t('submit')}
        </button>
      </div>
    </div>
  );
}
