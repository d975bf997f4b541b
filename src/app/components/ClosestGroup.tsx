import { For, Show, createResource } from 'solid-js';
import { cachedRead } from '../../client/cached-read';
import { resultsKey, searchOf } from '../../client/surveys';
import { closestGroup } from '../../core/analysis';
import type { OpinionMap } from '../../core/opinion-map';
import { OpinionMapSchema } from '../../core/opinion-map';
import { allQuestions } from '../../core/questions';
import type { Response } from '../../core/response';
import type { Survey } from '../../core/survey';
import { locale, tx } from '../i18n';
import { getClient } from '../stores/client';
import { fill } from '../particles';
import { ct } from './closest-strings';

/**
 * The survey version's opinion map through the one checked read path: fresh when the
 * server answers, the device's copy offline; undefined when there is none or it is refused.
 */
async function loadMap(surveyId: string, version: number): Promise<OpinionMap | undefined> {
  const query = { version: String(version) };
  // Its own prefix, so the map never overwrites the results snapshot of the same survey.
  const key = `analysis:${resultsKey(surveyId, query)}`;
  const url = `/api/v1/surveys/${encodeURIComponent(surveyId)}/analysis${searchOf(query)}`;
  const read = await cachedRead(key, url, OpinionMapSchema, { client: await getClient() }).catch(() => undefined);
  return read?.value;
}

type Closest = { group: number; share: number; agree: string[]; disagree: string[] };

/** The shown group nearest to these answers and its characteristic positions, in words. */
function placeAnswers(survey: Survey, response: Response, map: OpinionMap | undefined): Closest | undefined {
  if (!map || map.withheld) return undefined;
  const shown = map.groups.flatMap((g) => (g.withheld ? [] : [g]));
  const placement = shown.length >= 2 ? closestGroup(response.answers, map) : null;
  const group = placement && shown.find((g) => g.id === placement.group);
  if (!group) return undefined;
  const prompts = new Map(allQuestions(survey).map((q) => [q.id, tx(q.prompt)]));
  const of = (type: 'agree' | 'disagree') =>
    group.characteristic.filter((c) => c.type === type).map((c) => prompts.get(c.question) ?? c.question);
  return { group: group.id + 1, share: group.size / Math.max(1, map.participants), agree: of('agree'), disagree: of('disagree') };
}

/**
 * On the thank-you screen of a survey with public results: which opinion group the
 * respondent's answers sit closest to, described by what sets that group apart. Shows
 * nothing when the map is withheld, has fewer than two groups, or cannot place them.
 */
export function ClosestGroup(props: { survey: Survey; response: Response }) {
  const [map] = createResource(() => loadMap(props.survey.id, props.response.surveyVersion));
  const closest = () => placeAnswers(props.survey, props.response, map());
  return (
    <Show when={closest()}>
      {(c) => (
        <section class="results" aria-labelledby="closest-title" lang={locale()}>
          <h2 id="closest-title">{ct('title')}</h2>
          <p>{fill(ct('closest'), { g: c().group, p: `${Math.round(c().share * 100)}%` })}</p>
          <Show when={c().agree.length > 0}>
            <p>{ct('agreeMore')}</p>
            <ul><For each={c().agree}>{(text) => <li>{text}</li>}</For></ul>
          </Show>
          <Show when={c().disagree.length > 0}>
            <p>{ct('disagreeMore')}</p>
            <ul><For each={c().disagree}>{(text) => <li>{text}</li>}</For></ul>
          </Show>
          <p class="hint">{ct('how')}</p>
        </section>
      )}
    </Show>
  );
}
