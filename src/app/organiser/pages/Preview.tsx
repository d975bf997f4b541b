import { For, Show, createResource, createSignal } from 'solid-js';
import type { AnswerValue, Answers } from '../../../core/response';
import { withAnswer } from '../../answers';
import { questionNumbers } from '../../../core/numbering';
import { isVisible } from '../../../core/visibility';
import { QuestionField } from '../../components/questions/QuestionField';
import { locale, tx } from '../../i18n';
import { A } from '@solidjs/router';
import { loadDefinition, ready } from '../cache';
import { api } from '../state';
import { PageError } from '../PageError';
import { orgHref, queryParam, surveyIdParam } from '../paths';
import { ot } from '../strings';

/**
 * `/organiser/preview?survey=&version=`: one exact version as a respondent sees it, built
 * from the respondent's own question components, in the language chosen in the header.
 * Answers stay in this page (conditions work) and there is nothing to submit.
 */
export function PreviewPage() {
  const [survey] = createResource(() => [surveyIdParam(), Number(queryParam('version'))] as const, ([id, v]) => loadDefinition(api, id, v));
  const [answers, setAnswers] = createSignal<Answers>({});
  const set = (id: string, value: AnswerValue | undefined) =>
    setAnswers((current) => withAnswer(current, id, value));
  // The respondent's own stable numbers, so the preview reads like the phone.
  const numberOf = (id: string) => questionNumbers(ready(survey)!).get(id) ?? '';
  return (
    <div class="organiser-page org-preview" lang={locale()}>
      <p class="org-crumbs">
        <A href={orgHref('manage', { survey: surveyIdParam() })}>{ot('manage')}</A>
      </p>
      <h1>
        {ot('preview')}: {ready(survey) ? `${tx(ready(survey)!.title)} · v${ready(survey)!.version}` : surveyIdParam()}
      </h1>
      <p class="org-warning">
        {ot('previewTitle')} {ot('previewIn')}
      </p>
      <PageError error={survey.error} />
      <Show when={ready(survey)}>
        {(s) => (
          <>
            <article class="card notice">
              <h2>{ot('notice')}</h2>
              <p>{tx(s().description)}</p>
              <p class="notice-text">{tx(s().notice)}</p>
            </article>
            <For each={s().sections}>
              {(section) => (
                <section class="org-preview-section" aria-label={tx(section.title)}>
                  <h2 class="section-title">{tx(section.title)}</h2>
                  <For each={section.questions.filter((q) => isVisible(q, answers()))}>
                    {(q) => <QuestionField question={q} number={numberOf(q.id)} value={answers()[q.id]} error={undefined} onChange={(v) => set(q.id, v)} />}
                  </For>
                </section>
              )}
            </For>
          </>
        )}
      </Show>
    </div>
  );
}
