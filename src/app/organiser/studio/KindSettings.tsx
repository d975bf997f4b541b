import { Match, Show, Switch } from 'solid-js';
import type { Question } from '../../../core/survey';
import type { Editor } from './editor-store';
import { BilingualField, CheckField, NumberField, SelectField, type Path } from './fields';
import { OptionsEditor } from './OptionsEditor';
import { st } from './strings';

function EndLabels(props: { editor: Editor; path: Path }) {
  return (
    <>
      <BilingualField editor={props.editor} path={[...props.path, 'labels', 'low']} label={st('lowLabel')} />
      <BilingualField editor={props.editor} path={[...props.path, 'labels', 'high']} label={st('highLabel')} />
    </>
  );
}

/** The settings of a question's kind: scale points and end labels, ranges, options and limits. */
export function KindSettings(props: { editor: Editor; s: number; q: number; question: Question }) {
  const path = (): Path => ['sections', props.s, 'questions', props.q];
  const at = (...keys: string[]): Path => [...path(), ...keys];
  return (
    <div class="st-kind">
      <Switch>
        <Match when={props.question.kind === 'likert'}>
          <SelectField editor={props.editor} path={at('points')} label={st('points')} options={[{ value: '5', label: '5' }, { value: '7', label: '7' }]} parse={Number} />
          <EndLabels editor={props.editor} path={path()} />
        </Match>
        <Match when={props.question.kind === 'spectrum'}>
          <div class="st-row">
            <NumberField editor={props.editor} path={at('min')} label={st('min')} />
            <NumberField editor={props.editor} path={at('max')} label={st('max')} />
          </div>
          <EndLabels editor={props.editor} path={path()} />
        </Match>
        <Match when={props.question.kind === 'choice'}>
          <CheckField editor={props.editor} path={at('multiple')} label={st('multiple')} />
          <Show when={props.question.kind === 'choice' && props.question.multiple}>
            <NumberField editor={props.editor} path={at('maxPicks')} label={st('maxPicks')} optional />
          </Show>
        </Match>
        <Match when={props.question.kind === 'allocation'}>
          <div class="st-row">
            <NumberField editor={props.editor} path={at('total')} label={st('total')} />
            <NumberField editor={props.editor} path={at('step')} label={st('step')} optional />
          </div>
          <BilingualField editor={props.editor} path={at('unit')} label={st('unit')} />
        </Match>
        <Match when={props.question.kind === 'ranking'}>
          <NumberField editor={props.editor} path={at('pick')} label={st('pick')} />
        </Match>
        <Match when={props.question.kind === 'text'}>
          <NumberField editor={props.editor} path={at('maxLength')} label={st('maxLength')} />
        </Match>
      </Switch>
      <Show when={props.question.kind === 'likert' || props.question.kind === 'spectrum'}>
        <CheckField editor={props.editor} path={at('dontKnow')} label={st('dontKnow')} />
      </Show>
      <Show when={'options' in props.question}>
        <OptionsEditor editor={props.editor} s={props.s} q={props.q} />
      </Show>
    </div>
  );
}
