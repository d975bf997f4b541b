import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { ResultsSnapshot } from '../../../core/results';
import type { Survey } from '../../../core/survey';
import { locale } from '../../i18n';
import { formatNumber } from '../../numbers';
import { fill } from '../../particles';
import { groupsOf } from '../manage/WeightingForm';
import { orgHref } from '../paths';
import { ot } from '../strings';
import type { Overview } from '../types';
import { wt } from '../weighting-strings';

/** An effective n as read: one decimal, since Kish's n is rarely whole. */
export const effectiveText = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatNumber(n, locale(), 1));

/**
 * Unweighted or weighted figures, for a survey with a weighting; without one, the way to
 * set it. Pressing a button reloads the live view with or without `weighted=true`.
 */
export function WeightedToggle(props: { overview: Overview; weighted: boolean; onChange: (weighted: boolean) => void }) {
  return (
    <Show
      when={props.overview.weighting}
      fallback={<p class="org-note"><A href={orgHref('manage', { survey: props.overview.id })}>{wt('setWeighting')}</A></p>}
    >
      <div class="org-tabs" role="group" aria-label={wt('figures')}>
        <button type="button" class="secondary small" aria-pressed={!props.weighted} onClick={() => props.onChange(false)}>{wt('unweighted')}</button>
        <button type="button" class="secondary small" aria-pressed={props.weighted} onClick={() => props.onChange(true)}>{wt('weighted')}</button>
      </div>
    </Show>
  );
}

/**
 * Says that the figures below are weighted, with how many responses they use and Kish's
 * effective n, and names the groups they leave out; in the groups view, that groups are
 * shown unweighted (weighting by group changes nothing within one).
 */
export function WeightingNote(props: { snapshot: ResultsSnapshot; survey: Survey | undefined; groupsView: boolean }) {
  const names = () => {
    const labels = new Map((props.survey ? groupsOf(props.survey) : []).map((g) => [g.id, g.label]));
    return (props.snapshot.weighting?.excluded ?? []).map((g) => labels.get(g) ?? (g === '_none' ? ot('noGroup') : g)).join(', ');
  };
  return (
    <Show when={props.snapshot.weighting}>
      {(w) => (
        <div class="org-card org-weighting" role="note" data-testid="weighting-note">
          <p>{fill(wt('weightedBanner'), { n: props.snapshot.count ?? ot('withheld'), effective: effectiveText(w().effectiveN) })}</p>
          <Show when={w().excluded.length > 0}>
            <p>{fill(wt('excluded'), { groups: names() })}</p>
          </Show>
          <Show when={props.groupsView}>
            <p class="org-note">{wt('groupsUnweighted')}</p>
          </Show>
        </div>
      )}
    </Show>
  );
}
