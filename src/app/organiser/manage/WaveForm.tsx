import { For, Show, createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { CHANNELS, WAVE_PATTERN } from '../../../core/vocabulary';
import { channelName, dateTime } from '../format';
import { FormField, describedBy } from '../FormField';
import { Problems, serverIssues, type Issue } from '../Problems';
import { api } from '../state';
import { ot } from '../strings';
import { mg } from './strings';
import { localInstant, localParts, parseDate, parseTime } from './when';

type Field = 'labelKo' | 'labelEn' | 'slug' | 'date' | 'time';
type Errors = Partial<Record<Field, string>>;

/** What is wrong with the typed values, field by field, in the app's language. */
function check(text: (name: Field) => string): Errors {
  const errors: Errors = {};
  if (!text('labelKo')) errors.labelKo = mg('labelMissing');
  if (!text('labelEn')) errors.labelEn = mg('labelMissing');
  if (!WAVE_PATTERN.test(text('slug'))) errors.slug = mg('slugInvalid');
  if (!parseDate(text('date'))) errors.date = mg('dateInvalid');
  if (!parseTime(text('time'))) errors.time = mg('timeInvalid');
  return errors;
}

/**
 * Registers a wave: its label in both languages, the slug that goes in the link, its
 * start (typed as date and time and read back in words, since the browser's own date
 * picker speaks the browser's language), its channel, the one-per-device rule and
 * whether it is a test.
 */
export function WaveForm(props: { surveyId: string; onRegistered: (slug: string) => void }) {
  const now = localParts(new Date());
  const [date, setDate] = createSignal(now.date);
  const [time, setTime] = createSignal(now.time);
  const [errors, setErrors] = createSignal<Errors>({});
  const [failure, setFailure] = createSignal<{ message: string; issues: Issue[] }>();
  const starts = () => localInstant(date(), time());
  let form!: HTMLFormElement;
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const text = (name: Field) => input(name).value.trim();

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = check(text);
    setErrors(found);
    setFailure(undefined);
    const first = Object.keys(found)[0];
    if (first) return input(first).focus();
    const wave = {
      slug: text('slug'),
      label: { ko: text('labelKo'), en: text('labelEn') },
      startsAt: starts()!.toISOString(),
      channel: (form.elements.namedItem('channel') as HTMLSelectElement).value,
      oneResponsePerDevice: input('onePerDevice').checked,
      test: input('test').checked,
    };
    try {
      await api.registerWave(props.surveyId, wave);
      // The start stays as typed: the next wave to register is most often later the same day.
      for (const name of ['labelKo', 'labelEn', 'slug']) input(name).value = '';
      for (const name of ['onePerDevice', 'test']) input(name).checked = false;
      props.onRegistered(wave.slug);
    } catch (e) {
      setFailure({ message: isAppError(e) ? e.message : String(e), issues: serverIssues(e) });
    }
  };

  const field = (id: string, name: Field, label: string, extra: { help?: string; inputmode?: 'numeric' | 'text'; value?: () => string; onInput?: (v: string) => void } = {}) => (
    <FormField id={id} label={label} help={extra.help} error={errors()[name]}>
      <input
        id={id}
        name={name}
        value={extra.value?.() ?? ''}
        onInput={(e) => extra.onInput?.(e.currentTarget.value)}
        inputmode={extra.inputmode}
        autocomplete="off"
        spellcheck={false}
        maxLength={name === 'slug' ? 64 : 200}
        aria-invalid={!!errors()[name]}
        aria-describedby={describedBy(id, extra.help, errors()[name])}
      />
    </FormField>
  );

  return (
    <form class="org-card org-form" ref={form} onSubmit={(e) => void submit(e)} aria-labelledby="wave-form-title" noValidate>
      <h2 id="wave-form-title">{ot('registerWave')}</h2>
      <div class="org-form-row">
        {field('wave-label-ko', 'labelKo', mg('labelKo'))}
        {field('wave-label-en', 'labelEn', mg('labelEn'))}
      </div>
      {field('wave-slug', 'slug', ot('waveSlug'), { help: mg('slugHelp') })}
      <div class="org-form-row">
        {field('wave-date', 'date', mg('startDate'), { inputmode: 'numeric', value: date, onInput: setDate })}
        {field('wave-time', 'time', mg('startTime'), { inputmode: 'numeric', value: time, onInput: setTime })}
      </div>
      <p class="org-note" aria-live="polite" data-testid="wave-start">
        {starts() ? `${mg('startsWhen')}: ${dateTime(starts()!.toISOString(), 'full')} (${mg('localTime')})` : ''}
      </p>
      <FormField id="wave-channel" label={ot('channel')} help={mg('channelHelp')}>
        <select id="wave-channel" name="channel" aria-describedby="wave-channel-help">
          <For each={CHANNELS}>{(c) => <option value={c} selected={c === 'conference'}>{channelName(c)}</option>}</For>
        </select>
      </FormField>
      <label class="org-check">
        <input type="checkbox" name="onePerDevice" />
        <span>{ot('onePerDevice')}</span>
      </label>
      <label class="org-check">
        <input type="checkbox" name="test" aria-describedby="wave-test-help" />
        <span>{mg('testLabel')}</span>
      </label>
      <p class="org-note" id="wave-test-help">
        {mg('testHelp')}
      </p>
      <button type="submit" class="primary">
        {ot('register')}
      </button>
      <div role="alert">
        <Show when={Object.keys(errors()).length > 0}>
          <p class="org-error">{mg('fixForm')}</p>
        </Show>
        <Show when={failure()}>{(f) => <Problems message={f().message} issues={f().issues} />}</Show>
      </div>
    </form>
  );
}
