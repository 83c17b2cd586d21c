/**
 * The contact panel beside a conversation: who the visitor is (and how sure we are), their language
 * and local time, the page they are on, the pages of this chat, and their earlier conversations. Read
 * over REST, again whenever the socket says this contact changed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Contact } from '@candor/protocol';
import { api } from '../api';
import { localTime, shortUrl, verificationText } from '../contact-text';
import { sayConversation } from '../conversation-text';
import type { LiveSession, LiveState } from '../live/session';
import { navigate, pathFor } from '../route';
import { relativeTime } from '../relative-time';
import { UserText } from './user-text';

interface Props {
  conversationId: string;
  session: LiveSession;
  state: LiveState;
  /** Tools shown first in the panel's body (folded with it on a phone): the support reference. */
  children?: ComponentChildren;
}

/** The console's phone layout (console.css): one pane at a time. */
export const PHONE = '(max-width: 720px)';

export function ContactPanel({ conversationId, session, state, children }: Props) {
  const entry = state.inbox[conversationId];
  const visitorId = entry?.visitorId;
  const changes = visitorId === undefined ? 0 : (state.contactChanges[visitorId] ?? 0);
  const [contact, setContact] = useState<Contact | null>(null);
  const [failed, setFailed] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    api.contactOf(conversationId).then(
      ({ contact }) => live && (setContact(contact), setFailed(false)),
      () => live && setFailed(true),
    );
    return () => void (live = false);
    // A status change reopens or ends "this chat", so its pages are read again too.
  }, [conversationId, changes, entry?.status]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // A phone has no room for the panel beside the conversation: there it starts folded.
  const [open, setOpen] = useState(() => !(typeof matchMedia === 'function' && matchMedia(PHONE).matches));
  const canAsk = state.status === 'online' && !state.busy[conversationId] && entry?.status === 'open';
  return (
    <aside
      class={open ? 'contact-panel' : 'contact-panel collapsed'}
      aria-labelledby="contact-title"
      data-testid="contact-panel"
    >
      <h2 id="contact-title">
        <button
          type="button"
          class="contact-toggle"
          aria-expanded={open}
          aria-controls="contact-body"
          data-testid="contact-toggle"
          onClick={() => setOpen(!open)}
        >
          {sayConversation('contact')}
        </button>
      </h2>
      <div id="contact-body" hidden={!open}>
        {children}
        {contact === null ? (
          <p class="hint">{sayConversation(failed ? 'contactLoadFailed' : 'loading')}</p>
        ) : (
          <>
            <dl>
              <dt>{sayConversation('name')}</dt>
              <dd data-testid="contact-name">
                <UserText text={contact.name} />
              </dd>
              <dt>{sayConversation('email')}</dt>
              <dd data-testid="contact-email">{contact.email ? <UserText text={contact.email} /> : '—'}</dd>
              <dt>{sayConversation('verification')}</dt>
              <dd data-testid="contact-verification" data-level={contact.verification}>
                {verificationText(contact.verification)}
              </dd>
              <dt>{sayConversation('language')}</dt>
              <dd>{contact.language ?? '—'}</dd>
              <dt>{sayConversation('localTime')}</dt>
              <dd data-testid="contact-time">
                {(contact.timeZone && localTime(contact.timeZone, now)) ?? '—'}
              </dd>
              <dt>{sayConversation('currentPage')}</dt>
              <dd data-testid="contact-page">
                {contact.currentPage ? <PageLink page={contact.currentPage} /> : '—'}
              </dd>
            </dl>
            {contact.verification !== 'signed' && (
              <button
                type="button"
                data-testid="ask-contact"
                disabled={!canAsk}
                onClick={() => session.requestContact(conversationId)}
              >
                {sayConversation('askContact')}
              </button>
            )}
            <HelpSearch conversationId={conversationId} state={state} />
            <h3>{sayConversation('pagesThisChat')}</h3>
            {contact.pages.length === 0 ? (
              <p class="hint">{sayConversation('noneReported')}</p>
            ) : (
              <ol class="contact-pages" data-testid="contact-pages">
                {contact.pages.map((p) => (
                  <li key={`${p.at}-${p.url}`}>
                    <PageLink page={p} /> <span class="hint">{relativeTime(p.at, now)}</span>
                  </li>
                ))}
              </ol>
            )}
            <h3>{sayConversation('earlierConversations')}</h3>
            {contact.conversations.length === 0 ? (
              <p class="hint">{sayConversation('none')}</p>
            ) : (
              <ul class="contact-earlier" data-testid="contact-earlier">
                {contact.conversations.map((c) => {
                  const route = { page: 'inbox' as const, conversationId: c.id };
                  return (
                    <li key={c.id}>
                      <a
                        href={pathFor(route)}
                        onClick={(e) => {
                          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                          e.preventDefault();
                          navigate(route);
                        }}
                      >
                        {new Date(c.createdAt).toLocaleDateString()} ·{' '}
                        {sayConversation(c.status === 'open' ? 'open' : 'resolved')}
                      </a>
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </div>
    </aside>
  );
}

/** What the visitor searched in the widget's Help tab, and read, before writing (activity help_context). */
function HelpSearch({ conversationId, state }: { conversationId: string; state: LiveState }) {
  const trail = state.extras[conversationId]?.activity ?? [];
  const found = [...trail].reverse().find((a) => a.kind === 'help_context');
  if (!found) return null;
  const { query, titles, urls } = found.detail;
  const read = Array.isArray(titles) ? titles : [];
  return (
    <>
      <h3>{sayConversation('helpSearch')}</h3>
      <p data-testid="contact-help-query">
        {typeof query === 'string' && query ? <UserText text={`“${query}”`} /> : sayConversation('noSearch')}
      </p>
      {read.length > 0 && (
        <ul data-testid="contact-help-read">
          {read.map((title, i) => {
            const url = Array.isArray(urls) ? urls[i] : undefined;
            return (
              <li key={`${i}-${title}`}>
                {url?.startsWith('/help/') ? (
                  <a href={url} target="_blank" rel="noopener noreferrer">
                    <UserText text={title} />
                  </a>
                ) : (
                  <UserText text={title} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function PageLink({ page }: { page: { url: string; title: string } }) {
  // The visitor reported it: shown as text and opened as a plain link, never trusted as markup.
  return (
    <a href={page.url} target="_blank" rel="noopener noreferrer nofollow" title={page.url}>
      <UserText text={page.title || shortUrl(page.url)} />
    </a>
  );
}
