import { Show } from 'solid-js';
import { st } from './strings';

/**
 * Move up, move down, duplicate and delete for one item, each button naming the item for
 * screen readers. A moved item's button keeps the focus: the list re-renders under it, so the
 * focus is put back on the same button of the item in its new place.
 */
export function MoveButtons(props: {
  /** The list's id prefix; the item's buttons are `<list>-<index>-up` and `-down`. */
  list: string;
  index: number;
  count: number;
  name: string;
  onMove: (by: number) => void;
  onDuplicate?: () => void;
  onRemove: () => void;
}) {
  const id = (index: number, which: string) => `${props.list}-${index}-${which}`;
  const move = (by: number, which: 'up' | 'down') => {
    const to = props.index + by;
    props.onMove(by);
    // At either end that button is disabled now, so the focus goes to its neighbour.
    queueMicrotask(() => {
      const button = document.getElementById(id(to, which)) as HTMLButtonElement | null;
      (button && !button.disabled ? button : document.getElementById(id(to, which === 'up' ? 'down' : 'up')))?.focus();
    });
  };
  return (
    <div class="st-moves" role="group" aria-label={props.name}>
      <button type="button" class="secondary small" id={id(props.index, 'up')} disabled={props.index === 0} aria-label={`${st('moveUp')}: ${props.name}`} onClick={() => move(-1, 'up')}>
        ↑<span class="st-wide-only"> {st('moveUp')}</span>
      </button>
      <button type="button" class="secondary small" id={id(props.index, 'down')} disabled={props.index === props.count - 1} aria-label={`${st('moveDown')}: ${props.name}`} onClick={() => move(1, 'down')}>
        ↓<span class="st-wide-only"> {st('moveDown')}</span>
      </button>
      <Show when={props.onDuplicate}>
        <button type="button" class="secondary small" aria-label={`${st('duplicate')}: ${props.name}`} onClick={() => props.onDuplicate!()}>
          {st('duplicate')}
        </button>
      </Show>
      <button type="button" class="secondary small org-danger" aria-label={`${st('remove')}: ${props.name}`} onClick={() => props.onRemove()}>
        {st('remove')}
      </button>
    </div>
  );
}
