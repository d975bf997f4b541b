import { For, Show, createSignal } from 'solid-js';
import { ROLES, type Grants, type Role } from '../../../core/accounts';
import { at, roleName } from './strings';

const HELP = { owner: 'ownerHelp', editor: 'editorHelp', analyst: 'analystHelp', viewer: 'viewerHelp' } as const;

/** The surveys a comma-separated field names, in order, without blanks or repeats. */
export function surveyList(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

/**
 * A role (radios, each with what it allows) and the surveys it applies to: every survey, or
 * the listed ids. Owners always have every survey, so the choice hides for them. `name`
 * keeps the radio groups of several forms on one page apart.
 */
export function AccessFields(props: { name: string; role: Role; surveys: Grants }) {
  const [role, setRole] = createSignal<Role>(props.role);
  const [some, setSome] = createSignal(props.surveys !== '*');
  return (
    <>
      <fieldset class="org-radios">
        <legend>{at('role')}</legend>
        <For each={[...ROLES].reverse()}>
          {(r) => (
            <label class="org-check">
              <input type="radio" name={`${props.name}-role`} value={r} checked={props.role === r} onChange={() => setRole(r)} />
              <span>
                <strong>{roleName(r)}</strong> · <span class="org-note">{at(HELP[r])}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={role() !== 'owner'}>
        <fieldset class="org-radios">
          <legend>{at('surveys')}</legend>
          <label class="org-check">
            <input type="radio" name={`${props.name}-scope`} value="all" checked={!some()} onChange={() => setSome(false)} />
            <span>{at('allSurveys')}</span>
          </label>
          <label class="org-check">
            <input type="radio" name={`${props.name}-scope`} value="some" checked={some()} onChange={() => setSome(true)} />
            <span>{at('someSurveys')}</span>
          </label>
          <Show when={some()}>
            <div class="org-field">
              <label for={`${props.name}-surveys`}>{at('surveyIds')}</label>
              <input id={`${props.name}-surveys`} name={`${props.name}-surveys`} value={props.surveys === '*' ? '' : props.surveys.join(', ')} autocomplete="off" spellcheck={false} />
            </div>
          </Show>
        </fieldset>
      </Show>
    </>
  );
}

/** The role and surveys chosen in a form holding AccessFields named `name`. */
export function readAccess(form: HTMLFormElement, name: string): { role: Role; surveys: Grants } {
  const value = (field: string) => (form.elements.namedItem(field) as RadioNodeList | HTMLInputElement | null)?.value ?? '';
  const role = value(`${name}-role`) as Role;
  const surveys = role === 'owner' || value(`${name}-scope`) !== 'some' ? '*' : surveyList(value(`${name}-surveys`));
  return { role, surveys };
}
