import { segmentCandidates } from '../../../core/authoring/conditions';
import { tx } from '../../i18n';
import type { Editor } from './editor-store';
import { BilingualField, CheckField, SelectField } from './fields';
import { st } from './strings';

/** The survey's own settings: texts in both languages, public results, and the stakeholder group question. */
export function SettingsEditor(props: { editor: Editor }) {
  const candidates = () => segmentCandidates(props.editor.snapshot()).map((q) => ({ value: q.id, label: `${q.id}: ${tx(q.prompt) || st('missingText')}` }));
  return (
    <section class="org-card st-settings" aria-labelledby="st-settings-heading" onFocusIn={() => props.editor.setActive(undefined)}>
      <h2 id="st-settings-heading">{st('settings')}</h2>
      <p class="org-note">
        {st('surveyId')}: <code>{props.editor.surveyId}</code>
      </p>
      <BilingualField editor={props.editor} path={['title']} label={st('title')} />
      <BilingualField editor={props.editor} path={['description']} label={st('description')} multiline />
      <BilingualField editor={props.editor} path={['notice']} label={st('notice')} multiline />
      <CheckField editor={props.editor} path={['resultsPublic']} label={st('resultsPublic')} />
      <SelectField editor={props.editor} path={['segmentBy']} label={st('segmentBy')} help={st('segmentHelp')} none={st('segmentNone')} options={candidates()} />
    </section>
  );
}
