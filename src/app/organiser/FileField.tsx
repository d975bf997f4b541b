import { Show, createSignal } from 'solid-js';
import { ot } from './strings';

type Props = { id: string; label: string; accept: string; help?: string; ref?: (input: HTMLInputElement) => void; onFile?: (file: File | undefined) => void };

/**
 * A file picker whose button and "no file chosen" speak the app's language: the
 * browser's own file input says "Choose File" in the browser's. The native input stays,
 * visually hidden but focusable, so keyboards, screen readers and drag-and-drop tests
 * use it as before; its label is the visible button.
 */
export function FileField(props: Props) {
  const [name, setName] = createSignal<string>();
  const chosen = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setName(file?.name);
    props.onFile?.(file);
  };
  return (
    <div class="org-field">
      <span class="org-label" id={`${props.id}-label`}>
        {props.label}
      </span>
      <Show when={props.help}>
        <span class="org-note" id={`${props.id}-help`}>
          {props.help}
        </span>
      </Show>
      <div class="org-file">
        <input
          id={props.id}
          ref={props.ref}
          type="file"
          class="org-file-input"
          accept={props.accept}
          aria-labelledby={`${props.id}-label ${props.id}-button ${props.id}-name`}
          aria-describedby={props.help ? `${props.id}-help` : undefined}
          onChange={(e) => chosen(e.currentTarget)}
        />
        <label for={props.id} id={`${props.id}-button`} class="button secondary small">
          {ot('chooseFile')}
        </label>
        <span id={`${props.id}-name`} class="org-file-name">
          {name() ?? ot('noFile')}
        </span>
      </div>
    </div>
  );
}
