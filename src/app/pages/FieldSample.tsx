import { For, Show, createMemo, createResource, createSignal } from 'solid-js';
import type { Client } from '../../client';
import type { Analysis, PositionSummary, Share } from '../../core/analysis';
import { MIN_COUNT, analyseOpinions, likertPositions } from '../../core/analysis';
import { allQuestions } from '../../core/questions';
import type { Survey } from '../../core/survey';
import { locale, tx } from '../i18n';
import { st } from './field-sample-strings';

// The server's default seed, so a device and the organiser's map agree on the same responses.
const SEED = 1;

const percent = (share: number) => `${Math.round(share * 100)}%`;

type Sample = { count: number; others: number; analysis?: Analysis };

/** The device's responses to this survey version, analysed exactly as the server would. */
async function sampleOf(client: Client, survey: Survey): Promise<Sample> {
  const all = await client.listResponses(survey.id);
  const mine = all.filter((r) => r.surveyVersion === survey.version);
  const sample: Sample = { count: mine.length, others: all.length - mine.length };
  return mine.length < MIN_COUNT ? sample : { ...sample, analysis: analyseOpinions({ survey, responses: mine, seed: SEED }) };
}

/** Names of positions and groups in the current locale. */
function namer(survey: Survey, analysis: Analysis) {
  const questions = new Map(allQuestions(survey).map((q) => [q.id, q]));
  return {
    position: (id: string) => {
      const q = questions.get(id);
      return q ? tx(q.prompt) : id;
    },
    group: (id: string) => {
      if (analysis.consensusBy === 'opinion') return `${st('opinionGroup')} ${Number(id) + 1}`;
      const q = survey.segmentBy === undefined ? undefined : questions.get(survey.segmentBy);
      const option = q && 'options' in q ? q.options.find((o) => o.id === id) : undefined;
      return option ? tx(option.label) : id;
    },
  };
}

type Names = ReturnType<typeof namer>;

/**
 * The field researcher's own sample, offline: per position the shares who agree and
 * disagree overall and per stakeholder group, and the consensus and divisive lists, from
 * the responses on this device, with how they are worked out in a note. Loaded lazily,
 * with the analysis code.
 */
export function FieldSample(props: { client: Client; surveys: Survey[] }) {
  const candidates = createMemo(() => props.surveys.filter((s) => likertPositions(s).length > 0));
  const [chosen, setChosen] = createSignal<string>();
  const survey = () => candidates().find((s) => s.id === chosen()) ?? candidates()[0];
  const [sample] = createResource(survey, (s) => sampleOf(props.client, s));
  return (
    <Show when={survey()}>
      {(s) => (
        <section class="card" aria-labelledby="sample-title" lang={locale()}>
          <h2 id="sample-title">{st('title')}</h2>
          <p class="hint">{st('help')}</p>
          <Show when={candidates().length > 1}>
            <label for="sample-survey">{st('survey')}</label>
            <select id="sample-survey" value={s().id} onChange={(e) => setChosen(e.currentTarget.value)}>
              <For each={candidates()}>{(c) => <option value={c.id}>{tx(c.title)}</option>}</For>
            </select>
          </Show>
          <Show when={sample()}>{(m) => <SampleBody survey={s()} sample={m()} />}</Show>
        </section>
      )}
    </Show>
  );
}

function SampleBody(props: { survey: Survey; sample: Sample }) {
  const names = () => props.sample.analysis && namer(props.survey, props.sample.analysis);
  return (
    <>
      <p>
        {st('responses').replace('{v}', String(props.survey.version))}: <strong data-count="sample">{props.sample.count}</strong>
      </p>
      <Show when={props.sample.others > 0}>
        <p class="hint">{st('otherVersions').replace('{n}', String(props.sample.others))}</p>
      </Show>
      <Show when={props.sample.analysis} fallback={<p class="hint">{st('withheld')}</p>}>
        {(a) => <Lists analysis={a()} names={names()!} />}
      </Show>
    </>
  );
}

function Lists(props: { analysis: Analysis; names: Names }) {
  const sides = (groups: string[]) => groups.map(props.names.group).join(', ');
  return (
    <>
      <h3>{st('consensusTitle')}</h3>
      <Show when={props.analysis.consensus.length > 0} fallback={<p class="hint">{st('noConsensus')}</p>}>
        <ul>
          <For each={props.analysis.consensus}>
            {(c) => <li><strong>{st(c.type)}</strong> ({st('consensus')} {percent(c.score)}): {props.names.position(c.question)}</li>}
          </For>
        </ul>
      </Show>
      <h3>{st('divisiveTitle')}</h3>
      <Show when={props.analysis.divisive.length > 0} fallback={<p class="hint">{st('noDivisive')}</p>}>
        <ul>
          <For each={props.analysis.divisive}>
            {(d) => (
              <li>
                {props.names.position(d.question)}
                <br />
                <span class="hint">{st('spread').replace('{x}', d.spread.toFixed(1))} — {st('above')}: {sides(d.above)}; {st('below')}: {sides(d.below)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>{st('positionsTitle')}</h3>
      <For each={props.analysis.positions}>{(p) => <PositionFigures position={p} names={props.names} />}</For>
      <details class="method">
        <summary>{st('methodTitle')}</summary>
        <p class="hint">{st('method')}</p>
      </details>
    </>
  );
}

/** One row of figures: n and the plain shares who agree and disagree. */
function Row(props: { label: string; figures: Share }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{props.figures.n}</td>
      <td>{percent(props.figures.agreeShare)}</td>
      <td>{percent(props.figures.disagreeShare)}</td>
    </tr>
  );
}

function PositionFigures(props: { position: PositionSummary; names: Names }) {
  const shown = () => props.position.groups.flatMap((g) => (g.withheld ? [] : [g]));
  const withheld = () => props.position.groups.filter((g) => g.withheld).map((g) => props.names.group(g.group));
  const overall = () => (props.position.overall.withheld ? undefined : props.position.overall);
  const summary = () => {
    const o = overall();
    return o ? `${st('agree')} ${percent(o.agreeShare)} · ${st('disagree')} ${percent(o.disagreeShare)}` : st('fewerThan5');
  };
  return (
    <details>
      <summary>{props.names.position(props.position.question)} <span class="hint">({summary()})</span></summary>
      <Show when={overall()}>
        {(o) => (
          <table class="table">
            <thead>
              <tr><th scope="col">{st('group')}</th><th scope="col">n</th><th scope="col">{st('agree')}</th><th scope="col">{st('disagree')}</th></tr>
            </thead>
            <tbody>
              <Row label={st('everyone')} figures={o()} />
              <For each={shown()}>{(g) => <Row label={props.names.group(g.group)} figures={g} />}</For>
            </tbody>
          </table>
        )}
      </Show>
      <Show when={withheld().length > 0}>
        <p class="hint">{st('fewerThan5')}: {withheld().join(', ')}</p>
      </Show>
    </details>
  );
}
