import { For, Show, type JSX } from 'solid-js';
import type { LocalizedText } from '../../../core/survey';
import { formatPath, surveyProblemMessage } from '../../../core/survey-problems';
import type { Locale } from '../../../core/vocabulary';
import { locale } from '../../i18n';
import type { Editor } from './editor-store';
import { st, type StudioKey } from './strings';

/** A path into the survey, as the checks report them. */
export type Path = readonly (string | number)[];

/** The element id of the field at `path`, also how "go to" finds it. */
export const fieldId = (path: Path) => `f-${path.join('-')}`;

/** The value at `path` in the editor's survey (reading the store, so callers track it). */
export function valueAt(editor: Editor, path: Path): unknown {
  let at: unknown = editor.survey;
  for (const key of path) at = at === null || typeof at !== 'object' ? undefined : (at as Record<string | number, unknown>)[key];
  return at;
}

/** The core checks' problems at exactly `path`, worded in the UI language (never zod's English). */
export function problemsAt(editor: Editor, path: Path): string[] {
  const at = formatPath(path);
  return editor.problems().filter((p) => formatPath(p.path) === at).map((p) => surveyProblemMessage(p.code, p.params, locale()));
}

/** The problems of one field, next to it, tied to it by aria-describedby. */
export function FieldProblems(props: { id: string; messages: string[] }) {
  return (
    <Show when={props.messages.length}>
      <ul class="st-problems" id={props.id}>
        <For each={props.messages}>{(m) => <li>{m}</li>}</For>
      </ul>
    </Show>
  );
}

const LANGS: { locale: Locale; key: StudioKey }[] = [{ locale: 'ko', key: 'korean' }, { locale: 'en', key: 'english' }];

/**
 * A text in both languages side by side, each input marked with its language (so screen
 * readers pronounce it right) and flagged when the other language has text and it has none.
 * An optional text (help) is removed from the survey when both sides are cleared.
 */
export function BilingualField(props: { editor: Editor; path: Path; label: string; multiline?: boolean; optional?: boolean }) {
  const text = () => valueAt(props.editor, props.path) as LocalizedText | undefined;
  const side = (l: Locale) => text()?.[l] ?? '';
  const missing = (l: Locale) => side(l).trim() === '' && side(l === 'ko' ? 'en' : 'ko').trim() !== '';
  const set = (l: Locale, value: string) => {
    const next = { ko: side('ko'), en: side('en'), [l]: value };
    props.editor.set(props.path, props.optional && next.ko === '' && next.en === '' ? undefined : next);
  };
  return (
    <fieldset class="st-bilingual" data-path={formatPath(props.path)}>
      <legend>{props.label}</legend>
      <FieldProblems id={`${fieldId(props.path)}-problems`} messages={problemsAt(props.editor, props.path)} />
      <div class="st-sides">
        <For each={LANGS}>
          {({ locale: l, key }) => {
            const id = () => fieldId([...props.path, l]);
            const described = () => [missing(l) && `${id()}-missing`, problemsAt(props.editor, [...props.path, l]).length && `${id()}-problems`].filter(Boolean).join(' ') || undefined;
            const input = (): JSX.Element => {
              const common = {
                id: id(),
                lang: l,
                value: side(l),
                'aria-describedby': described(),
                'aria-invalid': problemsAt(props.editor, [...props.path, l]).length > 0,
                'data-path': formatPath([...props.path, l]),
                onInput: (e: InputEvent & { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => set(l, e.currentTarget.value),
              };
              return props.multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />;
            };
            return (
              <div class="st-side" classList={{ 'st-missing': missing(l) }}>
                <label for={id()}>
                  {props.label} · {st(key)}
                </label>
                {input()}
                <Show when={missing(l)}>
                  <p class="st-flag" id={`${id()}-missing`}>{st('missingTranslation')}</p>
                </Show>
                <FieldProblems id={`${id()}-problems`} messages={problemsAt(props.editor, [...props.path, l])} />
              </div>
            );
          }}
        </For>
      </div>
    </fieldset>
  );
}

/** Props every single-value field takes. */
type FieldProps = { editor: Editor; path: Path; label: string; help?: string };

function Described(props: FieldProps & { children: (describedBy: string | undefined, invalid: boolean) => JSX.Element }) {
  const id = () => fieldId(props.path);
  const messages = () => problemsAt(props.editor, props.path);
  const describedBy = () => [props.help && `${id()}-help`, messages().length && `${id()}-problems`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="org-field st-field" data-path={formatPath(props.path)}>
      <label for={id()}>{props.label}</label>
      {props.children(describedBy(), messages().length > 0)}
      <Show when={props.help}>
        <p class="org-note" id={`${id()}-help`}>{props.help}</p>
      </Show>
      <FieldProblems id={`${id()}-problems`} messages={messages()} />
    </div>
  );
}

/** An id (a slug): lower-case letters, digits, "-" and "_". */
export function TextField(props: FieldProps) {
  return (
    <Described {...props}>
      {(describedBy, invalid) => (
        <input id={fieldId(props.path)} type="text" spellcheck={false} autocapitalize="none" value={String(valueAt(props.editor, props.path) ?? '')}
          aria-describedby={describedBy} aria-invalid={invalid} onInput={(e) => props.editor.set(props.path, e.currentTarget.value)} />
      )}
    </Described>
  );
}

/**
 * A whole number. An optional one (step, most picks) is removed when emptied; a required one
 * keeps `null` while empty, which the checks report next to it.
 */
export function NumberField(props: FieldProps & { optional?: boolean }) {
  const value = () => valueAt(props.editor, props.path);
  const set = (text: string) => props.editor.set(props.path, text.trim() === '' ? (props.optional ? undefined : null) : Number(text));
  return (
    <Described {...props}>
      {(describedBy, invalid) => (
        <input id={fieldId(props.path)} type="number" inputmode="numeric" step={1} value={typeof value() === 'number' ? String(value()) : ''}
          aria-describedby={describedBy} aria-invalid={invalid} onInput={(e) => set(e.currentTarget.value)} />
      )}
    </Described>
  );
}

/** A yes/no setting as a checkbox. */
export function CheckField(props: FieldProps) {
  return (
    <div class="st-field" data-path={formatPath(props.path)}>
      <label class="org-check">
        <input id={fieldId(props.path)} type="checkbox" checked={valueAt(props.editor, props.path) === true} onChange={(e) => props.editor.set(props.path, e.currentTarget.checked)} />
        <span>{props.label}</span>
      </label>
      <FieldProblems id={`${fieldId(props.path)}-problems`} messages={problemsAt(props.editor, props.path)} />
    </div>
  );
}

/** A choice from a menu; `''` stands for "none" where `none` is given, and removes the field. */
export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; none?: string; parse?: (v: string) => unknown }) {
  const set = (v: string) => props.editor.set(props.path, v === '' && props.none ? undefined : props.parse ? props.parse(v) : v);
  return (
    <Described {...props}>
      {(describedBy, invalid) => (
        <select id={fieldId(props.path)} aria-describedby={describedBy} aria-invalid={invalid} onChange={(e) => set(e.currentTarget.value)}>
          <Show when={props.none}>
            <option value="" selected={valueAt(props.editor, props.path) === undefined}>{props.none}</option>
          </Show>
          <For each={props.options}>
            {(o) => <option value={o.value} selected={String(valueAt(props.editor, props.path)) === o.value}>{o.label}</option>}
          </For>
        </select>
      )}
    </Described>
  );
}
