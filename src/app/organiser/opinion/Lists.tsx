import { For, Show } from 'solid-js';
import type { Characteristic } from '../../../core/analysis';
import type { OpinionMap } from '../../../core/opinion-map';
import { allQuestions, type Survey } from '../../../core/survey';
import { tx } from '../../i18n';
import { groupName, num, percent } from '../format';
import { mt, people } from './strings';

type Shown = Extract<OpinionMap, { withheld: false }>;

/** Names of positions, declared groups and opinion groups in the current locale. */
export function namesFor(survey: Survey | undefined, map: Shown) {
  const prompts = new Map(survey ? allQuestions(survey).map((q) => [q.id, q.prompt]) : []);
  const opinion = (id: number) => `${mt('group')} ${id + 1}`;
  return {
    position: (id: string) => {
      const prompt = prompts.get(id);
      return prompt ? tx(prompt) : id;
    },
    opinion,
    /** A group of the consensus figures: declared, or an opinion group when the survey declares none. */
    group: (id: string) => (map.consensusBy === 'opinion' ? opinion(Number(id)) : groupName(survey, id)),
  };
}

/** The names a map's lists use. */
export type Names = ReturnType<typeof namesFor>;

function Trait(props: { trait: Characteristic; names: Names }) {
  return (
    <li>
      <strong>{props.trait.type === 'agree' ? mt('agreesMore') : mt('disagreesMore')}</strong>{' '}
      ({percent(props.trait.groupShare)} · {mt('versusOthers')} {percent(props.trait.othersShare)}, z = {num(props.trait.z)}): {props.names.position(props.trait.question)}
    </li>
  );
}

/** For each shown opinion group, the positions on which it differs most from everyone else. */
export function GroupTraits(props: { map: Shown; names: Names }) {
  const shown = () => props.map.groups.flatMap((g) => (g.withheld ? [] : [g]));
  return (
    <section class="org-card" aria-labelledby="opm-groups">
      <h3 id="opm-groups">{mt('groupsTitle')}</h3>
      <For each={shown()}>
        {(g) => (
          <>
            <h4>{props.names.opinion(g.id)} ({people(g.size)})</h4>
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
