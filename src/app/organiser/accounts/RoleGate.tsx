import { Show, type JSX } from 'solid-js';
import type { Role } from '../../../core/accounts';
import { session } from '../state';
import { at, roleName } from './strings';

/** A page for `role` and above: its content, or a plain note for an account below it (the server refuses such calls anyway). */
export function RoleGate(props: { role: Role; children: JSX.Element }) {
  return (
    <Show when={session.can(props.role)} fallback={<p class="org-card org-note" role="status">{at('needsRole').replace('{n}', roleName(props.role))}</p>}>
      {props.children}
    </Show>
  );
}
