import { For, Show, createMemo, createResource, createSignal } from 'solid-js';
import { questionNumbers } from '../../../core/numbering';
import type { Survey } from '../../../core/survey';
import { loadCached, ready } from '../cache';
import { ConfirmButton } from '../ConfirmButton';
import { channelName, dateTime, groupName } from '../format';
import { api, session } from '../state';
import { ot } from '../strings';
import type { Comment, Overview } from '../types';
import { waveName } from '../format';
import { readPage } from './comment-pager';
import type { ResultsQuery } from './query';

const PAGE = 20;

type Props = { survey: Survey; overview: Overview; query: ResultsQuery; refresh: unknown };

/** One comment as text (never markup: a comment holding HTML shows that HTML as characters), what it came with, and moderation (editors). */
function CommentItem(props: { comment: Comment; survey: Survey; overview: Overview; number: string | undefined; onChange: () => void }) {
  const c = () => props.comment;
  const hide = () => api.setCommentHidden(props.survey.id, c(), !c().hidden).then(props.onChange);
  return (
    <li classList={{ 'org-comment': true, 'org-hidden': c().hidden }}>
      <p class="org-comment-text">{c().text}</p>
      <p class="org-note">
        <Show when={c().hidden}>
          <strong>{ot('hidden')}</strong> ·{' '}
        </Show>
        {ot('question')} {props.number ?? c().question} · {groupName(props.survey, c().group)} · {waveName(props.overview.waves, c().wave)} · {channelName(c().channel)} · {dateTime(c().submittedAt)}
      </p>
      <Show when={session.can('editor')}>
        <div class="org-actions">
          <button type="button" class="secondary small" onClick={() => void hide()}>
            {c().hidden ? ot('unhide') : ot('hide')}
          </button>
          <ConfirmButton label={ot('deleteResponse')} confirmLabel={ot('confirmDelete')} onConfirm={() => api.deleteResponse(props.survey.id, c().responseId).then(props.onChange)} />
        </div>
      </Show>
    </li>
  );
}

/**
 * The free-text answers, for analysts and up, a page at a time and filtered by the
 * results' version, wave, channel and group and by question and hidden state. Each
 * comment names its wave by label. The page reloads whenever the live figures change.
 */
export function CommentsView(props: Props) {
  const filters = createMemo(() => {
    const q = props.query;
    return JSON.stringify([props.survey.id, props.survey.version, q.wave, q.question, q.hidden, q.group, q.channel]);
  });
  // The page belongs to its filters: other filters start again at the first page.
  const [at, setAt] = createSignal({ key: '', page: 0 });
  const page = () => (at().key === filters() ? at().page : 0);
  const setPage = (n: number) => setAt({ key: filters(), page: n });
  // Where each page starts in the server's list, per filters, learnt while paging forward.
  const starts = new Map<string, number[]>();
  const keep = (c: Comment) => (!props.query.group || c.group === props.query.group) && (!props.query.channel || c.channel === props.query.channel) && (props.query.hidden !== 'hidden' || c.hidden);
  const read = (offset: number, limit: number) => {
    const q = props.query;
    return api.comments(props.survey.id, { version: props.survey.version, wave: q.wave, question: q.question, hidden: q.hidden === 'visible' ? 'exclude' : undefined, offset, limit }).then((r) => r.comments);
  };
  const [list, { refetch }] = createResource(
    () => ({ key: filters(), page: page(), refresh: props.refresh }),
    async ({ key, page: n }) => {
      const known = starts.get(key) ?? [0];
      starts.set(key, known);
      const start = known[n] ?? 0;
      const filtered = !!(props.query.group || props.query.channel || props.query.hidden === 'hidden');
      const fetched = await loadCached(`comments:${key}:${start}`, () => readPage(read, keep, filtered, start, PAGE));
      if (fetched.value.next !== undefined) known[n + 1] = fetched.value.next;
      return fetched;
    },
  );
  const items = () => ready(list)?.value.items ?? [];
  const numbers = createMemo(() => questionNumbers(props.survey));
  const range = () => ot('commentsRange').replace('{from}', String(page() * PAGE + 1)).replace('{to}', String(page() * PAGE + items().length));
  return (
    <section class="org-card org-comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{ot('commentsTitle')}</h2>
      <p class="org-note">{ot('commentsHelp')}</p>
      <Show when={list.error}>
        <p class="org-error" role="alert">{ot('failed')}</p>
      </Show>
      <Show when={items().length} fallback={<p class="org-note" data-testid="comments-empty">{list.loading && !ready(list) ? ot('loading') : ot('noComments')}</p>}>
        <p class="org-note" role="status">{range()}</p>
        <ul>
          <For each={items()}>
            {(c) => <CommentItem comment={c} survey={props.survey} overview={props.overview} number={numbers().get(c.question)} onChange={() => void refetch()} />}
          </For>
        </ul>
      </Show>
      <nav class="org-actions" aria-label={ot('commentPages')}>
        <button type="button" class="secondary small" disabled={page() === 0} onClick={() => setPage(page() - 1)}>
          {ot('previousPage')}
        </button>
        <span>
          {ot('page')} {page() + 1}
        </span>
        <button type="button" class="secondary small" disabled={ready(list)?.value.next === undefined} onClick={() => setPage(page() + 1)}>
          {ot('nextPage')}
        </button>
      </nav>
    </section>
  );
}
