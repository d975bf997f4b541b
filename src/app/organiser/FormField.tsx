import { Show, type JSX } from 'solid-js';

/** The ids a field's control names in `aria-describedby`: its help and, when there is one, its error. */
export function describedBy(id: string, help: string | undefined, error: string | undefined): string | undefined {
  return [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
}

/**
 * A labelled form field with its help and its error in the app's language; the control
 * (`children`, with the id `id`) points at them with `describedBy`. Forms using it set
 * `noValidate`, so the browser never shows its own messages in its own language.
 */
export function FormField(props: { id: string; label: string; help?: string; error?: string; children: JSX.Element }) {
  return (
    <div class="org-field">
      <label for={props.id}>{props.label}</label>
      <Show when={props.help}>
        <span class="org-note" id={`${props.id}-help`}>
          {props.help}
        </span>
      </Show>
      {props.children}
      <Show when={props.error}>
        <span class="org-error" id={`${props.id}-error`}>
          {props.error}
        </span>
      </Show>
    </div>
  );
}
