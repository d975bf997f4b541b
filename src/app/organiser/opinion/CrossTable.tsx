import { Show } from 'solid-js';
import type { Cell } from '../../../core/analysis';
import type { OpinionMap } from '../../../core/opinion-map';
import type { Survey } from '../../../core/survey';
import { DataTable } from '../charts/Figure';
import { groupName } from '../format';
import { ot } from '../strings';
import type { Names } from './names';
import { mt } from './strings';

type Shown = Extract<OpinionMap, { withheld: false }>;

const cellText = (cell: Cell) => (cell.withheld ? ot('fewerThan5') : String(cell.count));

/**
 * Declared stakeholder group against opinion group, so an organiser sees where declared
 * groups sit on the map; cells of fewer than 5 (and any that would give one away) read
 * "fewer than 5". Nothing when the survey has no stakeholder question.
 */
export function CrossTable(props: { map: Shown; survey: Survey | undefined; names: Names }) {
  const head = () => [mt('declared'), ...props.map.groups.map((g) => `${g.id + 1}. ${props.names.opinion(g.id)}`), mt('total')];
  const rows = () =>
    props.map.crossTable.map((row) => [
      row.declared === null ? ot('noGroup') : groupName(props.survey, row.declared),
      ...row.cells.map(cellText),
      cellText(row.total),
    ]);
  return (
    <Show when={props.map.crossTable.length > 0}>
      <section class="org-card org-scroll" aria-labelledby="opm-cross">
        <h3 id="opm-cross">{mt('crossTitle')}</h3>
        <DataTable head={head()} rows={rows()} />
      </section>
    </Show>
  );
}
