import { For, Show } from 'solid-js';
import type { ContextCard } from '../../core/survey';
import { locale, tx } from '../i18n';
import { ht } from '../pages/home-strings';

/** The article's facts behind a survey, each with its source. */
export function ContextCards(props: { cards: ContextCard[] | undefined }) {
  return (
    <Show when={props.cards?.length}>
      <section class="context" aria-labelledby="context-title" lang={locale()}>
        <h2 id="context-title">{ht('context')}</h2>
        <ul class="cards">
          <For each={props.cards}>
            {(card) => (
              <li class="card fact">
                <h3>{tx(card.title)}</h3>
                <p>{tx(card.body)}</p>
                <p class="source">
                  {ht('source')}: {tx(card.source)}
                </p>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
