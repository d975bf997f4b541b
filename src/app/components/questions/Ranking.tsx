import { For, Show } from 'solid-js';
import type { RankingQuestion } from '../../../core/survey';
import { t, tx } from '../../i18n';
import type { QuestionProps } from './types';

/** Ranking by tapping in order: no drag needed, every option a toggle button that says its place. */
export function Ranking(props: QuestionProps<RankingQuestion>) {
  const order = () => (Array.isArray(props.value) ? props.value : []);
  const place = (id: string) => order().indexOf(id) + 1;
  const toggle = (id: string) => {
    const current = order();
    if (current.includes(id)) {
      const next = current.filter((o) => o !== id);
      props.onChange(next.length ? next : undefined);
    } else if (current.length < props.question.pick) {
      props.onChange([...current, id]);
    }
  };
  return (
    <div class="ranking" role="group" aria-labelledby={props.labelId} aria-describedby={props.describedBy}>
      <p class="hint">{t('rankingHint')} ({order().length}/{props.question.pick})</p>
      <For each={props.question.options}>
        {(option) => (
          <button
            type="button"
            class="rank-option"
            aria-pressed={place(option.id) > 0}
            disabled={place(option.id) === 0 && order().length >= props.question.pick}
            onClick={() => toggle(option.id)}
          >
            <span class="rank-badge" aria-hidden="true">{place(option.id) || ''}</span>
            <span>{tx(option.label)}</span>
            <Show when={place(option.id) > 0}>
              <span class="visually-hidden">, {place(option.id)}</span>
            </Show>
          </button>
        )}
      </For>
      <Show when={order().length > 0}>
        <button type="button" class="link-button" onClick={() => props.onChange(undefined)}>
          {t('clearRanking')}
        </button>
      </Show>
    </div>
  );
}
