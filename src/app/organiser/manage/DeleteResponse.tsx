import { createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { ConfirmButton } from '../ConfirmButton';
import { api } from '../state';
import { ot } from '../strings';

/** Deletes one response by its id (from an export, or a respondent asking for their answers to go). */
export function DeleteResponse(props: { surveyId: string; onDone: () => void }) {
  const [id, setId] = createSignal('');
  const [status, setStatus] = createSignal('');
  const remove = async () => {
    if (!id().trim()) return setStatus(ot('notFoundResponse'));
    try {
      await api.deleteResponse(props.surveyId, id().trim());
      setStatus(`${ot('deleted')}: ${id().trim()}`);
      setId('');
      props.onDone();
    } catch (e) {
      setStatus(isAppError(e, 'not_found') ? ot('notFoundResponse') : `${ot('failed')}: ${isAppError(e) ? e.message : String(e)}`);
    }
  };
  return (
    <section class="org-card" aria-labelledby="delete-title">
      <h2 id="delete-title">{ot('deleteById')}</h2>
      <div class="org-field">
        <label for="delete-id">{ot('responseId')}</label>
        <input id="delete-id" value={id()} onInput={(e) => setId(e.currentTarget.value)} autocomplete="off" spellcheck={false} />
      </div>
      <ConfirmButton label={ot('deleteResponse')} confirmLabel={ot('confirmDelete')} onConfirm={remove} />
      <p class="org-note" role="status">
        {status()}
      </p>
    </section>
  );
}
