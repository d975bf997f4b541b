import { For, Show, createSignal } from 'solid-js';
import { tx } from '../../i18n';
import type { Editor as EditorState } from './editor-store';
import { PreviewPane } from './PreviewPane';
import { PublishDialog } from './PublishDialog';
import { SaveStatus } from './SaveStatus';
import { SectionEditor } from './SectionEditor';
import { SettingsEditor } from './SettingsEditor';
import { SheetButtons } from './SheetButtons';
import { st, stf } from './strings';
import { Summary } from './Summary';

/** The editor of one draft: readiness, spreadsheets and publishing above, settings and sections, the preview beside them. */
export function Editor(props: { editor: EditorState; onPublished: (version: number) => void }) {
  const [publishing, setPublishing] = createSignal(false);
  const structure = () => props.editor.structure;
  const firstNumber = (s: number) => props.editor.survey.sections.slice(0, s).reduce((n, x) => n + x.questions.length, 1);
  return (
    <div class="organiser-page st-studio">
      <div class="st-top">
        <h1>
          {st('studio')}: {tx(props.editor.survey.title) || props.editor.surveyId}
        </h1>
        <p class="org-note">
          {st('draftOf')} <code>{props.editor.surveyId}</code> · {stf('becomesVersion', { n: props.editor.version() })}
        </p>
        <SaveStatus editor={props.editor} />
      </div>
      <div class="st-layout">
        <div class="st-main">
          <Summary editor={props.editor} />
          <div class="org-actions st-toolbar">
            <SheetButtons editor={props.editor} />
            <button type="button" class="primary" disabled={props.editor.problems().length > 0} aria-describedby={props.editor.problems().length ? 'st-publish-blocked' : undefined} onClick={() => setPublishing(true)}>
              {stf('publish', { n: props.editor.version() })}
            </button>
            <Show when={props.editor.problems().length}>
              <p class="org-note" id="st-publish-blocked">{st('publishBlocked')}</p>
            </Show>
          </div>
          <SettingsEditor editor={props.editor} />
          <For each={props.editor.survey.sections}>
            {(section, s) => <SectionEditor editor={props.editor} s={s()} count={props.editor.survey.sections.length} section={section} firstNumber={firstNumber(s())} />}
          </For>
          <button type="button" class="secondary" onClick={() => structure().addSection()}>{st('addSection')}</button>
        </div>
        <PreviewPane editor={props.editor} />
      </div>
      <div class="visually-hidden" aria-live="polite">{structure().announcement()}</div>
      <Show when={structure().undo()}>
        {(name) => (
          <div class="st-undo">
            <span>{stf('deleted', { what: name() })}</span>
            <button type="button" class="secondary small" onClick={() => structure().undoLast()}>{st('undo')}</button>
          </div>
        )}
      </Show>
      <Show when={publishing()}>
        <PublishDialog editor={props.editor} onClose={() => setPublishing(false)} onPublished={(v) => props.onPublished(v)} />
      </Show>
    </div>
  );
}
