/**
 * Search over every conversation: a search box with filters above the inbox list, and while a search is
 * shown, its results in the list's place. Matched words are marked with `<mark>` around text parts
 * (search/highlight-parts.ts): snippets are never rendered as HTML.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LIMITS } from '@candor/protocol';
import type { Agent, SearchResult } from '@candor/protocol';
import { api, ApiError } from '../api';
import { errorText } from '../error-text';
import { highlightParts } from '../search/highlight-parts';
import { EMPTY_SEARCH, searchParams, type SearchForm, type SharedFilter } from '../search/search-request';
import { navigate, pathFor } from '../route';
import { UserText } from './user-text';
import { visibleControls } from '@candor/protocol';
import { sayInbox } from '../inbox-text';
import { sayConversation } from '../conversation-text';
import { visitorLabel } from '../visitor-label';

interface Props {
  me: Agent;
  openId: string | null;
  /** The inbox list, shown while no search is. */
  children: ComponentChildren;
  /** The tag and team filters, shown above the list or the results, and applied to both. */
  filters?: ComponentChildren;
  filter?: SharedFilter;
}

type Shown =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'results'; results: SearchResult[]; nextCursor: string | null; loadingMore: boolean }
  | { kind: 'error'; text: string };

export function SearchPanel({ me, openId, children, filters, filter = {} }: Props) {
  const [form, setForm] = useState<SearchForm>(EMPTY_SEARCH);
  const [asked, setAsked] = useState<SearchForm | null>(null);
  const [shown, setShown] = useState<Shown>({ kind: 'none' });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [agents, setAgents] = useState<Agent[]>([]);
  const set = (patch: Partial<SearchForm>) => setForm((f) => ({ ...f, ...patch }));

  const failed = (err: unknown) =>
    setShown({
      kind: 'error',
      text: err instanceof ApiError ? errorText(err.code, err.message) : sayInbox('searchFailed'),
    });

  const ask = (asking: SearchForm) => {
    const params = searchParams(asking, undefined, filter);
    if (params === null) return clear();
    setAsked(asking);
    setShown({ kind: 'loading' });
    api
      .search(params)
      .then(
        ({ results, nextCursor }) => setShown({ kind: 'results', results, nextCursor, loadingMore: false }),
        failed,
      );
  };
  const run = (event: Event) => {
    event.preventDefault();
    ask(form);
  };
  // Results shown follow the list's filters: a new tag or team asks again.
  const { tag = null, teamId = null } = filter;
  useEffect(() => {
    if (asked !== null) ask(asked);
  }, [tag, teamId]);

  const more = () => {
    if (shown.kind !== 'results' || shown.nextCursor === null || asked === null) return;
    const params = searchParams(asked, shown.nextCursor, filter);
    if (params === null) return;
    setShown({ ...shown, loadingMore: true });
    api.search(params).then(
      ({ results, nextCursor }) =>
        setShown({
          kind: 'results',
          results: [...shown.results, ...results],
          nextCursor,
          loadingMore: false,
        }),
      failed,
    );
  };

  const clear = () => {
    setForm(EMPTY_SEARCH);
    setAsked(null);
    setShown({ kind: 'none' });
  };

  const toggleFilters = () => {
    setFiltersOpen(!filtersOpen);
    if (!filtersOpen && agents.length === 0)
      api.listAgents().then(
        ({ agents: list }) => setAgents(list),
        () => undefined,
      );
  };

  return (
    <div class="search-panel">
      <form role="search" aria-label={sayInbox('searchConversations')} class="search-form" onSubmit={run}>
        <div class="search-line">
          <label for="search-q" class="visually-hidden">
            {sayInbox('searchAll')}
          </label>
          <input
            id="search-q"
            type="search"
            data-testid="search-input"
            placeholder={sayInbox('searchAll')}
            maxLength={LIMITS.searchQueryMax}
            value={form.q}
            onInput={(e) => set({ q: e.currentTarget.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && asked !== null) {
                e.preventDefault();
                clear();
              }
            }}
          />
          <button type="submit" data-testid="search-submit">
            {sayInbox('search')}
          </button>
          <button
            type="button"
            aria-expanded={filtersOpen}
            aria-controls="search-filters"
            onClick={toggleFilters}
          >
            {sayInbox('filters')}
          </button>
        </div>
        {filtersOpen && (
          <fieldset id="search-filters" class="search-filters">
            <legend class="visually-hidden">{sayInbox('searchFilters')}</legend>
            <label>
              {sayInbox('status')}
              <select
                data-testid="search-status"
                value={form.status}
                onChange={(e) => set({ status: e.currentTarget.value as SearchForm['status'] })}
              >
                <option value="">{sayInbox('any')}</option>
                <option value="open">{sayConversation('open')}</option>
                <option value="resolved">{sayConversation('resolved')}</option>
              </select>
            </label>
            <label>
              {sayInbox('assignee')}
              <select
                data-testid="search-assignee"
                value={form.assigneeId}
                onChange={(e) => set({ assigneeId: e.currentTarget.value })}
              >
                <option value="">{sayInbox('anyone')}</option>
                <option value={me.id}>{sayInbox('me')}</option>
                <option value="none">{sayConversation('unassigned')}</option>
                {agents
                  .filter((a) => a.id !== me.id)
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {visibleControls(a.name)}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              {sayInbox('from')}
              <input type="date" value={form.from} onInput={(e) => set({ from: e.currentTarget.value })} />
            </label>
            <label>
              {sayInbox('to')}
              <input type="date" value={form.to} onInput={(e) => set({ to: e.currentTarget.value })} />
            </label>
          </fieldset>
        )}
      </form>
      {filters}
      {shown.kind === 'none' ? (
        children
      ) : (
        <section class="search-results" aria-label={sayInbox('searchResults')} data-testid="search-results">
          <div class="search-summary">
            <p role="status" class="quiet">
              {shown.kind === 'loading'
                ? sayInbox('searching')
                : shown.kind === 'error'
                  ? shown.text
                  : summary(shown.results.length, shown.nextCursor !== null)}
            </p>
            <button type="button" class="link" data-testid="search-clear" onClick={clear}>
              {sayInbox('clearSearch')}
            </button>
          </div>
          {shown.kind === 'results' && (
            <>
              <ul>
                {shown.results.map((result) => (
                  <li key={result.conversation.id}>
                    <ResultRow result={result} isOpen={result.conversation.id === openId} />
                  </li>
                ))}
              </ul>
              {shown.nextCursor !== null && (
                <button type="button" class="more" disabled={shown.loadingMore} onClick={more}>
                  {sayInbox(shown.loadingMore ? 'loadingMore' : 'moreResults')}
                </button>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}

function summary(count: number, more: boolean): string {
  if (count === 0) return sayInbox('noMatch');
  const n = `${count}${more ? '+' : ''}`;
  return count === 1 && !more ? sayInbox('foundOne') : sayInbox('found', { count: n });
}

function ResultRow({ result, isOpen }: { result: SearchResult; isOpen: boolean }) {
  const { conversation, matches, matchCount } = result;
  const route = { page: 'inbox', conversationId: conversation.id } as const;
  const onClick = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(route);
  };
  const at = new Date(matches[0]?.createdAt ?? conversation.updatedAt);
  return (
    <a
      href={pathFor(route)}
      class={`row search-row${isOpen ? ' open' : ''}`}
      data-testid="search-result"
      data-conversation-id={conversation.id}
      aria-current={isOpen ? 'page' : undefined}
      onClick={onClick}
    >
      <span class="row-line">
        <span class="visitor">
          <UserText text={visitorLabel(conversation.visitorName)} />
        </span>
        <time dateTime={at.toISOString()}>{at.toLocaleDateString()}</time>
      </span>
      {matches.map((match) => (
        <span class="row-line snippet" key={match.messageId}>
          <bdi dir="auto">
            {match.snippet.cutBefore && '…'}
            {highlightParts(match.snippet.text, match.snippet.highlights).map((part, i) =>
              part.marked ? <mark key={i}>{visibleControls(part.text)}</mark> : visibleControls(part.text),
            )}
            {match.snippet.cutAfter && '…'}
          </bdi>
        </span>
      ))}
      <span class="row-line meta">
        <span class={`pill ${conversation.status}`}>
          {sayConversation(conversation.status === 'resolved' ? 'resolved' : 'open')}
        </span>
        <span>
          {matchCount === 1 ? sayInbox('matchingOne') : sayInbox('matching', { count: matchCount })}
        </span>
      </span>
    </a>
  );
}
