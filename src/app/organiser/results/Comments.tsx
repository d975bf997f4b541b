import { For, Show, createResource } from 'solid-js';
import type { ResultsFilters } from '../../../core/results';
import type { Survey } from '../../../core/survey';
import { loadCached, ready } from '../cache';
import { ConfirmButton } from '../ConfirmButton';
import { api, session } from '../state';
import { channelName, dateTime, groupName } from '../format';
import { ot } from '../strings';
import type { Comment } from '../types';

type Props = { survey: Survey; question: string; filters: ResultsFilters; refresh: unknown };

/**
 * The free-text answers to one question, for analysts and up; hiding and deleting for editors. Each is rendered as a
 * text node (never as markup), so a comment holding HTML shows that HTML as characters.
 * The list follows the results' filters and reloads whenever the live figures change.
 */
export function Comments(props: Props) {
  const source = () => ({ id: props.survey.id, version: props.survey.version, question: props.question, wave: props.filters.wave, refresh: props.refresh });
  const [list, { refetch }] = createResource(source, (s) =>
    loadCached(`comments:${s.id}:${s.version}:${s.question}:${s.wave ?? ''}`, () => api.comments(s.id, { version: s.version, question: s.question, wave: s.wave, limit: 200 })),
  );
  // The server filters comments by wave; channel and group are filtered here.
  const matches = (c: Comment) => (!props.filters.channel || c.channel === props.filters.channel) && (!props.filters.group || c.group === props.filters.group);
  const comments = () => (ready(list)?.value.comments ?? []).filter(matches);
  const hide = async (c: Comment) => {
    await api.setCommentHidden(props.survey.id, c, !c.hidden);
    await refetch();
  };
  const remove = async (c: Comment) => {
    await api.deleteResponse(props.survey.id, c.responseId);
    await refetch();
  };
  return (
    <div class="org-comments">
      <p class="org-note">{ot('commentsHelp')}</p>
      <Show when={list.error}>
        <p class="org-error" role="alert">{ot('failed')}</p>
      </Show>
      <Show when={comments().length} fallback={<p class="org-note">{list.loading && !ready(list) ? ot('loading') : ot('noComments')}</p>}>
        <ul>
          <For each={comments()}>
            {(c) => (
              <li classList={{ 'org-comment': true, 'org-hidden': c.hidden }}>
                <p class="org-comment-text">{c.text}</p>
                <p class="org-note">
                  <Show when={c.hidden}>
                    <strong>{ot('hidden')}</strong> ·{' '}
                  </Show>
                  {groupName(props.survey, c.group)} · {c.wave} · {channelName(c.channel)} · {dateTime(c.submittedAt)}
                </p>
                <Show when={session.can('editor')}>
                  <div class="org-actions">
                    <button type="button" class="secondary small" onClick={() => void hide(c)}>
                      {c.hidden ? ot('unhide') : ot('hide')}
                    </button>
                    <ConfirmButton label={ot('deleteResponse')} confirmLabel={ot('confirmDelete')} onConfirm={() => remove(c)} />
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
