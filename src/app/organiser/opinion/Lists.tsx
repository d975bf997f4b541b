import { For, Show } from 'solid-js';
import type { Characteristic } from '../../../core/analysis';
import type { OpinionMap } from '../../../core/opinion-map';
import { num, percent } from '../format';
import type { Names } from './names';
import { strength } from './names';
import { Swatch } from './Scatter';
import { mt, people } from './strings';

type Shown = Extract<OpinionMap, { withheld: false }>;

function Trait(props: { trait: Characteristic; names: Names }) {
  return (
    <li>
      <strong>{props.trait.type === 'agree' ? mt('agreesMore') : mt('disagreesMore')}</strong>: {props.names.position(props.trait.question)}
      <br />
      <span class="org-note">
        {mt('thisGroup')} {percent(props.trait.groupShare)} · {mt('versusOthers')} {percent(props.trait.othersShare)} · {mt('difference')}: {strength(props.trait.z)}
      </span>
    </li>
  );
}

/** For each shown opinion group, the positions on which it differs most from everyone else. */
export function GroupTraits(props: { map: Shown; names: Names }) {
  const shown = () => props.map.groups.flatMap((g) => (g.withheld ? [] : [g]));
  return (
    <section class="org-card" aria-labelledby="opm-groups">
      <h3 id="opm-groups">{mt('groupsTitle')}</h3>
      <p class="org-note">{mt('strengthHelp')}</p>
      <For each={shown()}>
        {(g) => (
          <>
            <h4 class="org-opm-group">
              <Swatch group={g.id} /> {g.id + 1}. {props.names.opinion(g.id)} ({people(g.size)})
            </h4>
            <Show when={g.characteristic.length > 0} fallback={<p class="org-note">{mt('noTraits')}</p>}>
              <ul><For each={g.characteristic}>{(c) => <Trait trait={c} names={props.names} />}</For></ul>
            </Show>
          </>
        )}
      </For>
    </section>
  );
}

/** The consensus and division lists, each readable on its own. */
export function ConsensusLists(props: { map: Shown; names: Names }) {
  const sides = (groups: string[]) => groups.map(props.names.group).join(', ');
  return (
    <section class="org-card" aria-labelledby="opm-consensus">
      <h3 id="opm-consensus">{mt('consensusTitle')}</h3>
      <p class="org-note">{props.map.consensusBy === 'declared' ? mt('byDeclared') : mt('byOpinion')}</p>
      <Show when={props.map.consensus.length > 0} fallback={<p class="org-note">{mt('noConsensus')}</p>}>
        <ul>
          <For each={props.map.consensus}>
            {(c) => <li><strong>{mt(c.type)}</strong> ({mt('consensus')} {percent(c.score)}): {props.names.position(c.question)}</li>}
          </For>
        </ul>
      </Show>
      <h3>{mt('divisiveTitle')}</h3>
      <Show when={props.map.divisive.length > 0} fallback={<p class="org-note">{mt('noDivisive')}</p>}>
        <ul>
          <For each={props.map.divisive}>
            {(d) => (
              <li>
                {props.names.position(d.question)}
                <br />
                <span class="org-note">{mt('spread').replace('{x}', num(d.spread))} — {mt('above')}: {sides(d.above)}; {mt('below')}: {sides(d.below)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
