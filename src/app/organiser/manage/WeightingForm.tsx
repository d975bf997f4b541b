import { For, Show, createMemo, createSignal } from 'solid-js';
import { isAppError } from '../../../core/errors';
import { allQuestions } from '../../../core/questions';
import type { Survey } from '../../../core/survey';
import { SHARE_TOLERANCE } from '../../../core/weighting-input';
import { tx } from '../../i18n';
import { fill } from '../../particles';
import { ConfirmButton } from '../ConfirmButton';
import { FormField, describedBy } from '../FormField';
import { Problems, serverIssues, type Issue } from '../Problems';
import { api } from '../state';
import type { Overview } from '../types';
import { wt } from '../weighting-strings';

type Group = { id: string; label: string };

/** The survey's stakeholder groups (its `segmentBy` question's options) with their labels. */
export function groupsOf(survey: Survey): Group[] {
  const question = allQuestions(survey).find((q) => q.id === survey.segmentBy);
  return question && 'options' in question ? question.options.map((o) => ({ id: o.id, label: tx(o.label) })) : [];
}

/** A typed percentage: a number from 0 to 100, undefined when left empty, NaN when not one. */
function percentOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : Number.NaN;
}

/** A percentage as typed back: shares kept to four decimals read as at most two decimals of %. */
const percentText = (share: number) => String(Math.round(share * 10_000) / 100);

/**
 * Population shares by stakeholder group, typed in % with their sum checked as they are
 * typed (the server takes shares summing to 1 within SHARE_TOLERANCE, i.e. 100 ± 0.1 %).
 * A group left empty has no share: its responses are left out of weighted figures.
 */
function SharesForm(props: { surveyId: string; groups: Group[]; current: Overview['weighting']; onChange: () => void }) {
  const initial = Object.fromEntries(props.groups.map((g) => [g.id, props.current?.shares[g.id] === undefined ? '' : percentText(props.current.shares[g.id]!)]));
  const [typed, setTyped] = createSignal<Record<string, string>>(initial);
  const [tried, setTried] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const [failure, setFailure] = createSignal<{ message: string; issues: Issue[] }>();
  const values = createMemo(() => props.groups.map((g) => ({ group: g, percent: percentOf(typed()[g.id] ?? '') })));
  const sum = () => values().reduce((s, v) => s + (Number.isNaN(v.percent) ? 0 : (v.percent ?? 0)), 0);
  const fieldError = (id: string) => (tried() && Number.isNaN(values().find((v) => v.group.id === id)?.percent) ? wt('notPercent') : undefined);
  const formError = () => {
    if (values().every((v) => v.percent === undefined)) return wt('noneEntered');
    if (Math.abs(sum() - 100) > SHARE_TOLERANCE * 100 + 1e-9) return fill(wt('sumOff'), { sum: Math.round(sum() * 100) / 100 });
    return undefined;
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setTried(true);
    setDone(undefined);
    setFailure(undefined);
    const bad = values().find((v) => Number.isNaN(v.percent));
    if (bad) return document.getElementById(`w-${bad.group.id}`)?.focus();
    if (formError()) return;
    const shares = Object.fromEntries(values().flatMap((v) => (v.percent === undefined ? [] : [[v.group.id, v.percent / 100]])));
    try {
      await api.putWeighting(props.surveyId, { shares });
      setDone(wt('saved'));
      props.onChange();
    } catch (e) {
      setFailure({ message: isAppError(e) ? e.message : String(e), issues: serverIssues(e) });
    }
  };
  const remove = async () => {
    await api.deleteWeighting(props.surveyId);
    setTyped(Object.fromEntries(props.groups.map((g) => [g.id, ''])));
    setTried(false);
    setDone(wt('removed'));
    props.onChange();
  };
  return (
    <form class="org-form" onSubmit={(e) => void submit(e)} noValidate aria-describedby="weighting-help">
      <p class="org-note" id="weighting-help">{wt('weightingHelp')}</p>
      <div class="org-form-row org-shares">
        <For each={props.groups}>
          {(g) => (
            <FormField id={`w-${g.id}`} label={fill(wt('sharePercent'), { group: g.label })} error={fieldError(g.id)}>
              <input
                id={`w-${g.id}`}
                inputmode="decimal"
                autocomplete="off"
                value={typed()[g.id] ?? ''}
                onInput={(e) => setTyped({ ...typed(), [g.id]: e.currentTarget.value })}
                aria-invalid={!!fieldError(g.id)}
                aria-describedby={describedBy(`w-${g.id}`, undefined, fieldError(g.id))}
              />
            </FormField>
          )}
        </For>
      </div>
      <p class="org-note" aria-live="polite" data-testid="weighting-sum">
        {wt('sum')}: {Math.round(sum() * 100) / 100}%
      </p>
      <div class="org-actions">
        <button type="submit" class="primary">{wt('saveWeighting')}</button>
        <Show when={props.current}>
          <ConfirmButton label={wt('removeWeighting')} confirmLabel={wt('confirmRemove')} onConfirm={remove} />
        </Show>
      </div>
      <div role="alert">
        <Show when={tried() && formError()}>{(message) => <p class="org-error">{message()}</p>}</Show>
        <Show when={failure()}>{(f) => <Problems message={f().message} issues={f().issues} />}</Show>
      </div>
      <p role="status">{done() ?? ''}</p>
    </form>
  );
}

/** The manage page's weighting card: the shares form for a survey with stakeholder groups (once its definition is here), else why there is none. */
export function WeightingCard(props: { overview: Overview; groups: Group[] | undefined; onChange: () => void }) {
  return (
    <section class="org-card" aria-labelledby="weighting-title">
      <h2 id="weighting-title">{wt('weightingTitle')}</h2>
      <Show when={props.groups}>
        {(groups) => (
          <Show when={groups().length > 0} fallback={<p class="org-note">{wt('noSegment')}</p>}>
            <SharesForm surveyId={props.overview.id} groups={groups()} current={props.overview.weighting} onChange={props.onChange} />
          </Show>
        )}
      </Show>
    </section>
  );
}
