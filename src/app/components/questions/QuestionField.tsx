import { Match, Show, Switch } from 'solid-js';
import type { AnswerValue } from '../../../core/response';
import type { Question } from '../../../core/survey';
import type { AnswerIssueCode } from '../../../core/validate';
import { locale, t, tx } from '../../i18n';
import { issueText } from '../../issue-text';
import { Allocation } from './Allocation';
import { Choice } from './Choice';
import { Likert } from './Likert';
import { Ranking } from './Ranking';
import { Spectrum } from './Spectrum';
import { TextAnswer } from './TextAnswer';

type Props = {
  question: Question;
  /** The question's stable number (`questionNumbers`): "3", or "1a" for a conditional one. */
  number: string;
  value: AnswerValue | undefined;
  error: AnswerIssueCode | undefined;
  onChange: (value: AnswerValue | undefined) => void;
};

/**
 * The prompt as shown beside an Optional badge: an author's own "(선택)" or "(optional)" at
 * its end would say the same thing twice.
 */
export function promptText(prompt: string, required: boolean): string {
  return required ? prompt : prompt.replace(/\s*[(（]\s*(선택|optional)\s*[)）]\s*$/i, '');
}

/** One question with its prompt, help, error next to it, and the input for its kind. */
export function QuestionField(props: Props) {
  const ids = () => ({ label: `q-${props.question.id}-label`, help: `q-${props.question.id}-help`, error: `q-${props.question.id}-error` });
  const common = () => ({
    value: props.value,
    onChange: props.onChange,
    labelId: ids().label,
    describedBy: [props.question.help && ids().help, props.error && ids().error].filter(Boolean).join(' '),
    invalid: props.error !== undefined,
  });
  return (
    <section class="question" classList={{ invalid: props.error !== undefined }} id={`q-${props.question.id}`} lang={locale()}>
      <h2 class="prompt" id={ids().label}>
        <span class="q-number">{props.number}.</span> {promptText(tx(props.question.prompt), props.question.required)}
        <Show when={!props.question.required}>
          {' '}<span class="badge">{t('optional')}</span>
        </Show>
      </h2>
      <Show when={props.question.help}>{(help) => <p class="hint" id={ids().help}>{tx(help())}</p>}</Show>
      <Switch>
        <Match when={props.question.kind === 'likert' && props.question}>{(q) => <Likert question={q()} {...common()} />}</Match>
        <Match when={props.question.kind === 'spectrum' && props.question}>{(q) => <Spectrum question={q()} {...common()} />}</Match>
        <Match when={props.question.kind === 'choice' && props.question}>{(q) => <Choice question={q()} {...common()} />}</Match>
        <Match when={props.question.kind === 'allocation' && props.question}>{(q) => <Allocation question={q()} {...common()} />}</Match>
        <Match when={props.question.kind === 'ranking' && props.question}>{(q) => <Ranking question={q()} {...common()} />}</Match>
        <Match when={props.question.kind === 'text' && props.question}>{(q) => <TextAnswer question={q()} {...common()} />}</Match>
      </Switch>
      <Show when={props.error}>
        {(code) => (
          <p class="error" id={ids().error} role="alert">
            {issueText(code())}
          </p>
        )}
      </Show>
    </section>
  );
}
