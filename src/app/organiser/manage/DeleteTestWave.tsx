import { Show, createSignal, onMount } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { describedBy, FormField } from '../FormField';
import { api } from '../state';
import { ot } from '../strings';
import type { WaveRow } from '../types';
import { mg } from './strings';

/**
 * Deleting a test wave's responses, behind a typed confirmation: nothing is deleted until
 * the wave's slug is typed, so no stray click (or a wave that merely looks alike) loses
 * data. The button stays enabled and says what is missing, rather than sitting greyed
 * out without a reason. The server refuses it for any wave not marked as a test too.
 */
export function DeleteTestWave(props: { surveyId: string; wave: WaveRow; label: string; onDone: () => void; onCancel: () => void }) {
  const [typed, setTyped] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [status, setStatus] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  let input!: HTMLInputElement;
  onMount(() => input.focus());

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (typed().trim() !== props.wave.slug) return setError(mg('slugMismatch'));
    setError(undefined);
    setBusy(true);
    try {
      const { deleted } = await api.deleteWave(props.surveyId, props.wave.slug);
      setStatus(`${mg('deletedCount')}: ${deleted}`);
      setTyped('');
      props.onDone();
    } catch (e) {
      setError(`${ot('failed')}: ${isAppError(e) ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="org-card org-delete-wave" aria-labelledby="delete-wave-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="delete-wave-title">
        {mg('deleteTitle')}: {props.label}
      </h2>
      <p>
        {mg('deleteWarning')} <strong>{props.wave.count}</strong>
      </p>
      <FormField id="delete-wave-slug" label={`${mg('typeSlug')}: ${props.wave.slug}`} error={error()}>
        <input
          id="delete-wave-slug"
          ref={input}
          value={typed()}
          onInput={(e) => setTyped(e.currentTarget.value)}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={!!error()}
          aria-describedby={describedBy('delete-wave-slug', undefined, error())}
        />
      </FormField>
      <div class="org-actions">
        <button type="submit" class="primary small org-danger-fill" disabled={busy()}>
          {mg('deleteNow')}
        </button>
        <button type="button" class="secondary small" onClick={() => props.onCancel()}>
          {ot('cancel')}
        </button>
      </div>
      <p class="org-note" role="status">
        <Show when={status()}>{status()}</Show>
      </p>
    </form>
  );
}
