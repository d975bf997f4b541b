import { For, Show, createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { MAX_QUOTA } from '../../../core/quotas';
import { CHANNELS, WAVE_PATTERN } from '../../../core/vocabulary';
import { channelName, dateTime } from '../format';
import { FormField, describedBy } from '../FormField';
import { Problems, serverIssues, type Issue } from '../Problems';
import { api } from '../state';
import { ot } from '../strings';
import type { NewWave } from '../types';
import { mg } from './strings';
import { localInstant, localParts, parseDate, parseTime } from './when';

type Field = 'labelKo' | 'labelEn' | 'slug' | 'date' | 'time';
/** Errors by field name; a quota's field is named `quota-<group>`. */
type Errors = Partial<Record<string, string>>;
/** A stakeholder group the wave may set a quota for. */
export type QuotaGroup = { id: string; label: string };

const quotaName = (group: string) => `quota-${group}`;

/** A typed quota target: undefined when left empty, NaN unless a whole number from 1 to MAX_QUOTA. */
function targetOf(text: string): number | undefined {
  if (text === '') return undefined;
  const n = Number(text);
  return /^\d+$/.test(text) && n >= 1 && n <= MAX_QUOTA ? n : Number.NaN;
}

/** What is wrong with the typed values, field by field, in the app's language. */
function check(text: (name: string) => string, groups: QuotaGroup[]): Errors {
  const errors: Errors = {};
  if (!text('labelKo')) errors.labelKo = mg('labelMissing');
  if (!text('labelEn')) errors.labelEn = mg('labelMissing');
  if (!WAVE_PATTERN.test(text('slug'))) errors.slug = mg('slugInvalid');
  if (!parseDate(text('date'))) errors.date = mg('dateInvalid');
  if (!parseTime(text('time'))) errors.time = mg('timeInvalid');
  for (const g of groups) if (Number.isNaN(targetOf(text(quotaName(g.id))))) errors[quotaName(g.id)] = mg('quotaInvalid');
  return errors;
}

/** The wave the form describes, read once `check` found nothing wrong. */
function readWave(form: HTMLFormElement, groups: QuotaGroup[]): NewWave {
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const text = (name: string) => input(name).value.trim();
  const quotas = Object.fromEntries(groups.flatMap((g) => (text(quotaName(g.id)) === '' ? [] : [[g.id, Number(text(quotaName(g.id)))]])));
  return {
    ...(Object.keys(quotas).length > 0 ? { quotas } : {}),
    slug: text('slug'),
    label: { ko: text('labelKo'), en: text('labelEn') },
    startsAt: localInstant(text('date'), text('time'))!.toISOString(),
    channel: (form.elements.namedItem('channel') as HTMLSelectElement).value,
    oneResponsePerDevice: input('onePerDevice').checked,
    test: input('test').checked,
  };
}

type InputProps = { id: string; name: string; label: string; errors: Errors; help?: string; numeric?: boolean; value?: () => string; onInput?: (value: string) => void };

/** One text field of the form, with its help and error; the browser validates nothing itself. */
function TextInput(props: InputProps) {
  const error = () => props.errors[props.name];
  return (
    <FormField id={props.id} label={props.label} help={props.help} error={error()}>
      <input
        id={props.id}
        name={props.name}
        value={props.value?.() ?? ''}
        onInput={(e) => props.onInput?.(e.currentTarget.value)}
        inputmode={props.numeric ? 'numeric' : undefined}
        autocomplete="off"
        spellcheck={false}
        maxLength={props.name === 'slug' ? 64 : 200}
        aria-invalid={!!error()}
        aria-describedby={describedBy(props.id, props.help, error())}
      />
    </FormField>
  );
}

/** The channel responses through the wave's link and code come in on, and its two rules. */
function WaveOptions() {
  return (
    <>
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
    </>
  );
}

/** A quota per stakeholder group, each optional: how many responses of that group the wave aims for. */
function QuotaFields(props: { groups: QuotaGroup[]; errors: Errors }) {
  return (
    <Show when={props.groups.length > 0}>
      <fieldset class="org-quota-fields" aria-describedby="wave-quota-help">
        <legend>{mg('quotas')}</legend>
        <p class="org-note" id="wave-quota-help">{mg('quotasHelp')}</p>
        <div class="org-form-row">
          <For each={props.groups}>
            {(g) => <TextInput id={`wave-${quotaName(g.id)}`} name={quotaName(g.id)} label={g.label} numeric errors={props.errors} />}
          </For>
        </div>
      </fieldset>
    </Show>
  );
}

/**
 * Registers a wave: its label in both languages, the slug that goes in the link, its
 * start (typed as date and time and read back in words, since the browser's own date
 * picker speaks the browser's language), its channel, the one-per-device rule and
 * whether it is a test, and its quotas per stakeholder group.
 */
export function WaveForm(props: { surveyId: string; groups: QuotaGroup[]; onRegistered: (slug: string) => void }) {
  const now = localParts(new Date());
  const [date, setDate] = createSignal(now.date);
  const [time, setTime] = createSignal(now.time);
  const [errors, setErrors] = createSignal<Errors>({});
  const [failure, setFailure] = createSignal<{ message: string; issues: Issue[] }>();
  const starts = () => localInstant(date(), time());
  let form!: HTMLFormElement;
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = check((name) => input(name).value.trim(), props.groups);
    setErrors(found);
    setFailure(undefined);
    const first = Object.keys(found)[0];
    if (first) return input(first).focus();
    const wave = readWave(form, props.groups);
    try {
      await api.registerWave(props.surveyId, wave);
      // The start stays as typed: the next wave to register is most often later the same day.
      for (const name of ['labelKo', 'labelEn', 'slug', ...props.groups.map((g) => quotaName(g.id))]) input(name).value = '';
      for (const name of ['onePerDevice', 'test']) input(name).checked = false;
      props.onRegistered(wave.slug);
    } catch (e) {
      setFailure({ message: isAppError(e) ? e.message : String(e), issues: serverIssues(e) });
    }
  };

  return (
    <form class="org-card org-form" ref={form} onSubmit={(e) => void submit(e)} aria-labelledby="wave-form-title" noValidate>
      <h2 id="wave-form-title">{ot('registerWave')}</h2>
      <div class="org-form-row">
        <TextInput id="wave-label-ko" name="labelKo" label={mg('labelKo')} errors={errors()} />
        <TextInput id="wave-label-en" name="labelEn" label={mg('labelEn')} errors={errors()} />
      </div>
      <TextInput id="wave-slug" name="slug" label={ot('waveSlug')} help={mg('slugHelp')} errors={errors()} />
      <div class="org-form-row">
        <TextInput id="wave-date" name="date" label={mg('startDate')} numeric value={date} onInput={setDate} errors={errors()} />
        <TextInput id="wave-time" name="time" label={mg('startTime')} numeric value={time} onInput={setTime} errors={errors()} />
      </div>
      <p class="org-note" aria-live="polite" data-testid="wave-start">
        {starts() ? `${mg('startsWhen')}: ${dateTime(starts()!.toISOString(), 'full')} (${mg('localTime')})` : ''}
      </p>
      <WaveOptions />
      <QuotaFields groups={props.groups} errors={errors()} />
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
