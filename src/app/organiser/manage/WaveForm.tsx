import { Show, createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { WAVE_PATTERN } from '../../../core/vocabulary';
import { api } from '../state';
import { Problems, serverIssues, type Issue } from '../Problems';
import { ot } from '../strings';

/** `datetime-local` wants local time without a zone. */
function localNow(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Registers a wave: its label, the slug that goes in the link, its start time and the one-per-device rule. */
export function WaveForm(props: { surveyId: string; onRegistered: (slug: string) => void }) {
  const [error, setError] = createSignal<string>();
  const [issues, setIssues] = createSignal<Issue[]>([]);
  let form!: HTMLFormElement;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const slug = field('slug').value.trim();
    setIssues([]);
    if (!WAVE_PATTERN.test(slug)) return setError(ot('waveSlug'));
    setError(undefined);
    const startsAt = new Date(field('startsAt').value || Date.now()).toISOString();
    try {
      await api.registerWave(props.surveyId, { slug, label: field('label').value.trim() || slug, startsAt, oneResponsePerDevice: field('onePerDevice').checked });
      form.reset();
      props.onRegistered(slug);
    } catch (e) {
      setError(isAppError(e) ? e.message : String(e));
      setIssues(serverIssues(e));
    }
  };

  return (
    <form class="org-card org-form" ref={form} onSubmit={(e) => void submit(e)} aria-labelledby="wave-form-title">
      <h2 id="wave-form-title">{ot('registerWave')}</h2>
      <div class="org-field">
        <label for="wave-label">{ot('waveLabel')}</label>
        <input id="wave-label" name="label" maxLength={200} required />
      </div>
      <div class="org-field">
        <label for="wave-slug">{ot('waveSlug')}</label>
        <input id="wave-slug" name="slug" pattern="[a-z0-9\-]{1,64}" maxLength={64} required autocomplete="off" spellcheck={false} />
      </div>
      <div class="org-field">
        <label for="wave-start">{ot('startsAt')}</label>
        <input id="wave-start" name="startsAt" type="datetime-local" value={localNow()} />
      </div>
      <label class="org-check">
        <input type="checkbox" name="onePerDevice" />
        <span>{ot('onePerDevice')}</span>
      </label>
      <button type="submit" class="primary">
        {ot('register')}
      </button>
      <Show when={error()}>
        <div role="alert">
          <Problems message={error()!} issues={issues()} />
        </div>
      </Show>
    </form>
  );
}
