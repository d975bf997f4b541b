import { For, type JSX } from 'solid-js';
import { ot } from '../strings';

/** A data table with column headers and the first cell of each row as its row header. */
export function DataTable(props: { head: string[]; rows: string[][] }) {
  return (
    <table class="org-data">
      <thead>
        <tr>
          <For each={props.head}>{(h) => <th scope="col">{h}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(row) => (
            <tr>
              <th scope="row">{row[0]}</th>
              <For each={row.slice(1)}>{(cell) => <td>{cell}</td>}</For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

/**
 * A chart as an image with a spoken summary (`label`), a visible caption with its n, and
 * the same figures as a table one click away, for screen readers and for copying.
 */
export function Figure(props: { label: string; caption: JSX.Element; head: string[]; rows: string[][]; children: JSX.Element }) {
  return (
    <figure class="org-figure">
      <div class="org-chart" role="img" aria-label={props.label}>
        {props.children}
      </div>
      <figcaption>{props.caption}</figcaption>
      <details class="org-table">
        <summary>{ot('showTable')}</summary>
        <DataTable head={props.head} rows={props.rows} />
      </details>
    </figure>
  );
}

/** A horizontal scale from min to max with ticks, a dot at the mean and a whisker for its 95% interval. */
export function MeanMarker(props: { min: number; max: number; mean: number | null; ci: [number, number] | null }) {
  const at = (x: number) => `${((Math.min(props.max, Math.max(props.min, x)) - props.min) / (props.max - props.min)) * 100}%`;
  const ticks = () => Array.from({ length: props.max - props.min + 1 }, (_, i) => props.min + i);
  return (
    <div class="org-mean" aria-hidden="true">
      <div class="org-mean-track">
        {props.ci && <span class="org-whisker" style={{ left: at(props.ci[0]), width: `calc(${at(props.ci[1])} - ${at(props.ci[0])})` }} />}
        {props.mean !== null && <span class="org-dot" style={{ left: at(props.mean) }} />}
      </div>
      <div class="org-ticks">
        <For each={ticks()}>{(tick) => <span style={{ left: at(tick) }}>{tick}</span>}</For>
      </div>
    </div>
  );
}
