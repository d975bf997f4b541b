import { For, Show } from 'solid-js';
import { questionNumbers } from '../../../core/numbering';
import { allQuestions, type Survey } from '../../../core/survey';
import { CHANNELS } from '../../../core/vocabulary';
import { tx } from '../../i18n';
import { channelName } from '../format';
import { session } from '../state';
import { ot, type OrganiserStringKey } from '../strings';
import type { Overview } from '../types';
import { HIDDEN, VIEWS, type ResultsQuery, type View } from './query';

type Option = { value: string; label: string };

function Select(props: { id: string; label: string; value: string | undefined; options: Option[]; onChange: (value: string | undefined) => void; any?: boolean; anyLabel?: string }) {
  return (
    <div class="org-field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} onChange={(e) => props.onChange(e.currentTarget.value || undefined)}>
        <Show when={props.any !== false}>
          <option value="" selected={!props.value}>{props.anyLabel ?? ot('all')}</option>
        </Show>
        <For each={props.options}>{(o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>}</For>
      </select>
    </div>
  );
}

/** The comments view's own filters: which text question, and hidden or shown comments. */
function CommentFilters(props: { survey: Survey | undefined; query: ResultsQuery; onChange: (change: Partial<ResultsQuery>) => void }) {
  const texts = () => (props.survey ? allQuestions(props.survey).filter((q) => q.kind === 'text') : []);
  const numbers = () => questionNumbers(props.survey ?? { sections: [] });
  return (
    <>
      <Select
        id="f-question"
        label={ot('question')}
        value={props.query.question}
        anyLabel={ot('allTextQuestions')}
        options={texts().map((q) => ({ value: q.id, label: `${numbers().get(q.id)}. ${tx(q.prompt)}` }))}
        onChange={(question) => props.onChange({ question })}
      />
      <Select
        id="f-hidden"
        label={ot('hiddenFilter')}
        value={props.query.hidden}
        options={HIDDEN.map((h) => ({ value: h, label: ot(h === 'visible' ? 'visibleOnly' : 'hiddenOnly') }))}
        onChange={(hidden) => props.onChange({ hidden: HIDDEN.find((h) => h === hidden) })}
      />
    </>
  );
}

const VIEW_NAMES: Record<View, OrganiserStringKey> = { all: 'viewAll', groups: 'viewGroups', trend: 'viewTrend', map: 'viewMap', comments: 'viewComments' };

/** The view switch and the filters by version, wave, channel and stakeholder group. */
export function Filters(props: { overview: Overview; survey: Survey | undefined; query: ResultsQuery; version: number; onChange: (next: ResultsQuery) => void }) {
  const set = (change: Partial<ResultsQuery>) => props.onChange({ ...props.query, ...change });
  const groups = (): Option[] => {
    const question = props.survey && allQuestions(props.survey).find((q) => q.id === props.survey!.segmentBy);
    const options = question && 'options' in question ? question.options.map((o) => ({ value: o.id, label: tx(o.label) })) : [];
    return options.length ? [...options, { value: '_none', label: ot('noGroup') }] : [];
  };
  return (
    <div class="org-controls">
      <div class="org-tabs" role="group" aria-label={ot('view')}>
        <For each={VIEWS.filter((view) => view !== 'comments' || session.can('analyst'))}>
          {(view) => (
            <button type="button" class="secondary small" aria-pressed={props.query.view === view} onClick={() => set({ view })}>
              {ot(VIEW_NAMES[view])}
            </button>
          )}
        </For>
      </div>
      <fieldset class="org-filters">
        <legend>{ot('filters')}</legend>
        <Select
          id="f-version"
          label={ot('version')}
          any={false}
          value={String(props.version)}
          options={props.overview.versions.map((v) => ({ value: String(v.version), label: `v${v.version} (${v.count})` }))}
          onChange={(v) => set({ version: v ? Number(v) : undefined })}
        />
        <Show when={props.query.view !== 'trend'}>
          <Select id="f-wave" label={ot('wave')} value={props.query.wave} options={props.overview.waves.map((w) => ({ value: w.slug, label: `${w.label ? tx(w.label) : w.slug} (${w.count})` }))} onChange={(wave) => set({ wave })} />
        </Show>
        <Select id="f-channel" label={ot('channel')} value={props.query.channel} options={CHANNELS.map((c) => ({ value: c, label: channelName(c) }))} onChange={(channel) => set({ channel })} />
        <Show when={props.query.view !== 'groups' && groups().length}>
          <Select id="f-group" label={ot('group')} value={props.query.group} options={groups()} onChange={(group) => set({ group })} />
        </Show>
        <Show when={props.query.view === 'comments'}>
          <CommentFilters survey={props.survey} query={props.query} onChange={set} />
        </Show>
      </fieldset>
    </div>
  );
}
