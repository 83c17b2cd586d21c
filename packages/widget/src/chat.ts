/**
 * The visitor's side of the protocol: which conversation to follow, the outbox sent one message at a
 * time in order, acks and errors, typing and the typing preview. Holds state for the view and never
 * touches the DOM, so it can be driven against a scripted server in tests.
 */
import {
  LIMITS,
  PROTOCOL_VERSION,
  RETRYABLE_ERRORS,
  type Conversation,
  type ErrorFrame,
  type HoursStatus,
  type Message,
  type RecoverySituation,
  type ServerFrame,
  type WaitEstimate,
} from '@candor/protocol';
import { createBackoff, type BackoffOptions } from './backoff';
import { createContact, type ContactState, type PageFacts } from './contact';
import { createConnection, type LinkState, type SocketFactory } from './connection';
import type { Locale } from './i18n';
import { loadOutbox, saveOutbox } from './outbox';
import { createPreview, type Notice, type Redactor } from './preview';
import type { Store } from './storage';
import { createRating, type RatingPhase } from './rating';
import { createRecovery, looksLikeCode, type RecoveryState } from './recovery';
import type { HelpContext } from './help';
import * as tl from './timeline';
import { TYPING_EXPIRY_MS, createExpiring, createTypingSignal } from './typing';

/**
 * idle: not started (the visitor has not opened the chat); online: welcomed; reconnecting: lost the
 * link (or never got it) and trying again; outdated: gave up; unavailable: the server does not serve
 * this site.
 */
export type Link =
  | 'idle'
  | 'connecting'
  | 'online'
  | 'reconnecting'
  | 'outdated'
  | 'unavailable'
  /** The inbox admits users signed in on the site only: waiting for Candor.identify(token). */
  | 'signin';

export interface ChatState {
  link: Link;
  timeline: tl.Timeline;
  /** Name of the agent typing, if any. */
  agentTyping: string | null;
  /** Counts agent messages that arrived after the first load, so the view can flag one it has not shown. */
  agentMessages: number;
  /** The typing preview notice above the input. */
  preview: Notice;
  /** The server said to wait this long (too many new chats from this network); null when not. */
  limitedMs: number | null;
  /** The name/email form: before the first message, or when an agent asked. */
  contact: ContactState;
  /** Waiting for an agent: place in the queue and the estimated wait (null: too little data). */
  queue: { position: number; wait: WaitEstimate | null } | null;
  /** The conversation was handed to another agent or team; cleared by the next agent message. */
  handedOver: boolean;
  /** The satisfaction prompt of the resolved conversation; null when there is none to show. */
  rating: RatingPhase | null;
  /** The inbox's business hours now (from the welcome); null when it has none. */
  hours: HoursStatus | null;
  /** The automated assistant answers: the widget says so and offers a person. */
  botActive: boolean;
  /** The transcript asked for by email: sending, sent, or failed; null when not asked. */
  transcript: 'sending' | 'sent' | 'failed' | null;
  /**
   * Who runs this Candor, from the welcome only: the "verified agent" mark beside agent messages, and
   * whether "I can't access my account" is offered. null: not said (no mark, no offer).
   */
  site: { name: string; verifyUrl: string; recovery: boolean } | null;
  /** Account recovery: the start form's and the last code's progress, and the server's status. */
  recovery: RecoveryState;
}

export interface ChatOptions {
  url: string;
  WebSocket: SocketFactory;
  store: Store;
  locale: Locale;
  backoff?: Partial<BackoffOptions>;
  /** Masks secrets in drafts and messages; `redact` from the protocol unless a test swaps it. */
  redact?: Redactor;
  /** GET answering `{allowed}` for this page's origin, asked when sockets keep failing to open. */
  statusUrl?: string;
  /** Where the site owner is told that the server refuses this site; console.warn by default. */
  warn?: (text: string) => void;
  /** The host site's identity token (data-identity-token), used once, in the next hello. */
  identityToken?: string | null;
  /** A reply email's link token (#candor-reopen=), sent once in the next hello. */
  reopenToken?: string | null;
  /** The browser's language and time zone, sent in hello (the privacy note lists them). */
  browser?: { language?: string; timeZone?: string };
  /** The page now open, reported while the chat is connected; none in tests that do not test it. */
  page?: () => PageFacts | null;
}

export interface Chat {
  readonly state: ChatState;
  onChange(listener: () => void): void;
  /** Connects now (at the latest when the visitor opens the chat). Idempotent. */
  start(): void;
  /**
   * Connects at once only if this browser already has a conversation (a token or unsent messages):
   * a page view alone opens no socket and stores nothing.
   */
  resume(): void;
  wake(): void;
  stop(): void;
  /** Queues a message; false when it is empty or over the length limit. */
  send(body: string): boolean;
  retry(clientKey: string): void;
  /** Deletes a message the server refused. */
  discard(clientKey: string): void;
  draft(text: string): void;
  /** The visitor pressed the typing preview switch. */
  setPreview(on: boolean): void;
  /** The panel, and so the notice, is on screen or not. */
  setOpen(open: boolean): void;
  /** The host site vouches for its signed-in user (Candor.identify): reconnects with the token. */
  identify(token: string): void;
  /** The visitor shares a name and/or email; false when nothing valid was given or the link is down. */
  shareContact(name: string, email: string): boolean;
  /** "Not now" on the contact form. */
  dismissContact(): void;
  /** The page may have changed (navigation): reported if it did. */
  pageChanged(): void;
  /** Rates the resolved conversation 1 to 5; false when there is nothing to rate or it cannot be sent. */
  rate(score: number, comment: string): boolean;
  /** Yes or No to the bot's answer `messageId`. */
  botFeedback(messageId: string, helpful: boolean): void;
  /** "Talk to a person": the bot hands over. */
  askPerson(): void;
  /** While the team is away: the first message goes with an email to reply to (message.leave). */
  leave(email: string, body: string): boolean;
  /** Emails the resolved conversation's transcript (to the contact's email when none is given). */
  transcript(email: string): void;
  /** The help search to tell the agents with the next message sent (memory only); null: none. */
  helpContext(context: HelpContext | null): void;
  /** "I can't access my account": false when the account is missing or too long, or the link is down. */
  startRecovery(account: string, situation: RecoverySituation, details: string): boolean;
  /** The secure field's code, for the current recovery conversation; false when not sent. */
  verifyCode(code: string): boolean;
}

type Pending = { kind: 'send'; clientKey: string } | { kind: 'subscribe'; conversationId: string };

const TOKEN = 'token';
/** Set while TOKEN is a signed visitor's: a page without the site's token then drops it (signed out). */
const SIGNED = 'signed';
const PREVIEW_RETRY_MS = 1000;
/** A message still refused with a retryable error after this many tries is shown as failed. */
export const MAX_SEND_TRIES = 5;
/** When a rate limit comes without retryAfterMs. */
const DEFAULT_LIMIT_MS = 60_000;

function siteOrigin(): string {
  return typeof location === 'undefined' ? 'this page' : location.origin;
}

function newClientKey(): string {
  // randomUUID exists only in secure contexts; customer sites served over plain http still need keys.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createChat(opts: ChatOptions): Chat {
  const store = opts.store;
  const listeners: (() => void)[] = [];
  const notify = () => listeners.forEach((l) => l());
  let t = tl.emptyTimeline(loadOutbox(store));
  let link: Link = 'idle';
  let started = false;
  /** The visitor opened the chat during this page's life. */
  let opened = false;
  let limitedMs: number | null = null;
  let limitTimer: ReturnType<typeof setTimeout> | undefined;
  /** Retryable refusals of each queued message, so one the server keeps refusing cannot wedge the rest. */
  const tries = new Map<string, number>();
  let agentMessages = 0;
  let queue: ChatState['queue'] = null;
  let handedOver = false;
  let hours: HoursStatus | null = null;
  /** The welcome said a new conversation is answered by the bot first. */
  let botOn = false;
  let visitorId: string | null = null;
  let refCounter = 0;
  let helpContext: HelpContext | null = null;
  const pending = new Map<string, Pending>();
  /** Key of the message sent and not yet answered: one at a time keeps the order of the outbox. */
  let inflight: string | null = null;
  /** Waiting for history: sending now could go to a conversation about to be replaced. */
  let syncing = false;
  const sendRetry = createBackoff(opts.backoff);
  let sendRetryTimer: ReturnType<typeof setTimeout> | undefined;
  const agentTyping = createExpiring<string>(TYPING_EXPIRY_MS, notify);
  let identityToken = opts.identityToken ?? null;
  let reopenToken = opts.reopenToken ?? null;
  /** The email of a message left while the team is away, until that message is stored. */
  let leaveEmail: string | null = null;
  let transcript: ChatState['transcript'] = null;
  let site: ChatState['site'] = null;
  /** The token sent in the hello of the current socket, consumed once welcomed. */
  let identitySent: string | null = null;
  /** The last identity refusal's code, told in the error frame just before the 4005 close. */
  let identityError: ErrorFrame['code'] | null = null;
  if (store.get(SIGNED) !== null && identityToken === null) {
    // This browser held a signed user's chat, and the site no longer vouches: signed out, or someone else.
    store.remove(TOKEN);
    store.remove(SIGNED);
  }
  const contact = createContact({
    send: (frame) => conn.send(frame),
    ...(opts.page ? { page: opts.page } : {}),
  });

  const rating = createRating({
    store,
    send: (frame) => conn.send(frame),
    conversation: () => t.conversation,
  });

  const recovery = createRecovery({
    send: (frame) => conn.send(frame),
    conversationId: () => t.conversationId,
    newKey: newClientKey,
    follow: (c) => {
      follow(c);
      contact.started();
    },
  });

  function commit(next: tl.Timeline): void {
    if (next.outbox !== t.outbox) saveOutbox(store, next.outbox);
    const switched = next.conversationId !== t.conversationId;
    t = next;
    if (switched) {
      preview.reset();
      recovery.switched();
    }
  }

  /** A ref for a command whose answer (ack, history or error) we wait for. */
  function ref(what: Pending): string {
    const r = `r${++refCounter}`;
    pending.set(r, what);
    return r;
  }

  function subscribe(conversationId: string): void {
    syncing = true;
    const r = ref({ kind: 'subscribe', conversationId });
    conn.send({ type: 'conversation.subscribe', ref: r, conversationId, afterSeq: t.syncedSeq });
  }

  /** Switches to another conversation, telling the server to stop streaming the previous one. */
  function switchTo(next: tl.Timeline): void {
    const old = t.conversationId;
    if (old && old !== next.conversationId)
      conn.send({ type: 'conversation.unsubscribe', conversationId: old });
    commit(next);
  }

  function follow(c: Conversation): void {
    if (c.id !== t.conversationId) switchTo(tl.adopt(t, c.id, c));
    else commit({ ...t, conversation: c });
    preview.sync();
    subscribe(c.id);
  }

  function flush(): void {
    if (!conn.ready || syncing || inflight || sendRetryTimer) return;
    const entry = tl.nextToSend(t);
    if (!entry) return;
    inflight = entry.clientKey;
    const r = ref({ kind: 'send', clientKey: entry.clientKey });
    const clientKey = entry.clientKey;
    const body = entry.body;
    conn.send(
      leaveEmail && !t.conversationId
        ? { type: 'message.leave', ref: r, email: leaveEmail, clientKey, body }
        : { type: 'message.send', ref: r, conversationId: t.conversationId, clientKey, body },
    );
  }

  function retryLater(run: () => void, atLeastMs = 0): void {
    clearTimeout(sendRetryTimer);
    sendRetryTimer = setTimeout(
      () => {
        sendRetryTimer = undefined;
        run();
      },
      Math.max(sendRetry.next(), atLeastMs),
    );
  }

  /** Rate limited: the notice shows for as long as we were told to wait, and nothing is sent before. */
  function limited(frame: ErrorFrame): number {
    const ms = frame.retryAfterMs ?? DEFAULT_LIMIT_MS;
    limitedMs = ms;
    clearTimeout(limitTimer);
    limitTimer = setTimeout(() => {
      limitedMs = null;
      notify();
    }, ms);
    conn.holdOff(ms);
    return ms;
  }

  function refusedSend(clientKey: string, frame: ErrorFrame): void {
    const n = (tries.get(clientKey) ?? 0) + 1;
    const wait = frame.code === 'rate_limited' ? limited(frame) : 0;
    if (RETRYABLE_ERRORS.includes(frame.code) && n < MAX_SEND_TRIES) {
      tries.set(clientKey, n);
      return retryLater(flush, wait);
    }
    // Refused for good: shown as failed with "try again" and "delete", and the next ones go on.
    tries.delete(clientKey);
    commit(tl.markFailed(t, clientKey, frame.code));
    flush();
  }

  function onError(frame: ErrorFrame): void {
    if (preview.settle(frame.ref)) {
      // A lost switch-off would leave the agent's view enabled: try again, once the error passes.
      if (RETRYABLE_ERRORS.includes(frame.code)) setTimeout(() => preview.sync(), PREVIEW_RETRY_MS);
      return;
    }
    if (contact.settle(frame) || recovery.settle(frame)) return;
    if (rating.settle(frame)) return notify();
    if (frame.ref === 'tr') return void (transcript = 'failed');
    // Refused at hello (too many new visitors from this network): the socket closes next.
    if (frame.ref === undefined && frame.code === 'rate_limited') return void limited(frame);
    // Refused at hello (identity): the socket closes next with 4005 (onIdentityRefused).
    if (frame.ref === undefined && frame.code.startsWith('identity_'))
      return void (identityError = frame.code);
    const what = frame.ref === undefined ? undefined : pending.get(frame.ref);
    if (!what || frame.ref === undefined) return;
    pending.delete(frame.ref);
    if (what.kind === 'subscribe') {
      const retryable = RETRYABLE_ERRORS.includes(frame.code) || frame.code === 'not_ready';
      if (what.conversationId !== t.conversationId) return;
      if (retryable)
        return retryLater(() => conn.ready && subscribe(what.conversationId), frame.retryAfterMs ?? 0);
      // Not ours or gone: start afresh; the next message creates a conversation.
      commit(tl.adopt(t, null));
      syncing = false;
      return flush();
    }
    if (inflight === what.clientKey) inflight = null;
    // Sent before the welcome was processed: not the message's fault.
    if (frame.code === 'not_ready') return retryLater(flush);
    refusedSend(what.clientKey, frame);
  }

  function handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome': {
        const v = frame.visitor;
        if (v?.token) store.set(TOKEN, v.token);
        if (v?.verification === 'signed') store.set(SIGNED, '1');
        else store.remove(SIGNED);
        // Used: a reconnect resumes with the visitor token, and the server refuses a token used twice.
        if (identitySent !== null && identitySent === identityToken) identityToken = null;
        identitySent = null;
        reopenToken = null;
        contact.welcome(frame);
        hours = frame.hours ?? null;
        botOn = frame.bot?.enabled === true;
        site = frame.site ?? null;
        if (v && visitorId !== null && v.id !== visitorId) commit(tl.adopt(t, null));
        visitorId = v?.id ?? null;
        preview.welcome(frame.preview?.policy, frame.redactionRules);
        const newest = frame.conversations[0];
        if (newest) follow(newest);
        else {
          if (t.conversationId) commit(tl.adopt(t, null));
          flush();
        }
        break;
      }
      case 'conversation.history': {
        if (frame.ref !== undefined) pending.delete(frame.ref);
        if (frame.conversation.id !== t.conversationId) return;
        const before = t.syncedSeq;
        commit(tl.receive(t, frame.messages, frame.conversation));
        // A first load is old news; a resumed one brings what arrived while the link was down.
        if (before > 0) countAgentMessages(frame.messages, before);
        preview.sync();
        // An incomplete page that moved nothing forward would loop forever; treat it as the end.
        if (!frame.complete && t.syncedSeq > before) return subscribe(t.conversationId);
        syncing = false;
        flush();
        break;
      }
      case 'message.created': {
        const m = frame.message;
        const before = t.syncedSeq;
        commit(tl.receive(t, [m]));
        countAgentMessages([m], before);
        if (m.clientKey === inflight) {
          inflight = null;
          flush();
        }
        break;
      }
      case 'ack': {
        if (contact.settle(frame) || recovery.settle(frame)) return;
        if (rating.settle(frame)) return notify();
        if (frame.ref === 'tr') return void (transcript = 'sent');
        if (preview.settle(frame.ref)) {
          if (frame.conversation?.id === t.conversationId) commit({ ...t, conversation: frame.conversation });
          return;
        }
        const what = pending.get(frame.ref);
        pending.delete(frame.ref);
        if (what?.kind !== 'send') return;
        leaveEmail = null;
        const m = frame.message;
        if (m && m.conversationId !== t.conversationId) {
          // The server created a conversation for our first message (or reopened another): follow it.
          switchTo(tl.acknowledge(tl.adopt(t, m.conversationId, frame.conversation), what.clientKey, m));
          subscribe(m.conversationId);
          contact.started();
        } else commit(tl.acknowledge(t, what.clientKey, m));
        if (m && helpContext) {
          // Its own frame after the message, so the message path does no extra work. The ref is nobody's
          // pending one: its ack or error changes nothing here.
          conn.send({
            type: 'help.context',
            ref: `h${++refCounter}`,
            conversationId: m.conversationId,
            ...helpContext,
          });
          helpContext = null;
        }
        preview.sync();
        sendRetry.reset();
        tries.delete(what.clientKey);
        if (inflight === what.clientKey) inflight = null;
        flush();
        break;
      }
      case 'conversation.updated': {
        const c = frame.conversation;
        if (c.id === t.conversationId) {
          if (c.assigneeId !== null || c.status !== 'open') queue = null; // someone answers now
          const before = t.conversation;
          commit(tl.seen({ ...t, conversation: c }, c.id, c.seenSeq));
          preview.updated(before);
        } else if (c.visitorId === visitorId && isNewer(c)) follow(c);
        break;
      }
      case 'preview.updated': {
        // An admin changed the inbox's policy: the notice and the switch follow at once.
        const before = t.conversation;
        if (frame.conversationId !== t.conversationId || !before) break;
        commit({ ...t, conversation: { ...before, preview: frame.preview } });
        preview.updated(before);
        break;
      }
      case 'conversation.seen':
        commit(tl.seen(t, frame.conversationId, frame.seq));
        break;
      case 'typing.updated':
        if (frame.conversationId === t.conversationId && frame.author.type === 'agent')
          agentTyping.set(frame.typing ? frame.author.name : null);
        break;
      case 'error':
        onError(frame);
        break;
      case 'contact.requested':
        if (frame.conversationId === t.conversationId) contact.requested();
        break;
      case 'queue.position':
        if (frame.conversationId !== t.conversationId) break;
        queue = frame.position === null ? null : { position: frame.position, wait: frame.wait };
        notify();
        break;
      case 'conversation.handed_over':
        if (frame.conversationId !== t.conversationId) break;
        handedOver = true;
        notify();
        break;
      case 'recovery.status':
        recovery.status(frame);
        break;
      case 'inbox.snapshot':
      case 'contact.updated':
      case 'conversation.assigned':
      case 'conversation.transferred':
      case 'recovery.changed':
        break; // agents' frames
    }
  }

  function countAgentMessages(messages: readonly Message[], after: number): void {
    for (const m of messages)
      if (m.conversationId === t.conversationId && m.seq > after && m.author.type === 'agent') {
        agentMessages++;
        agentTyping.set(null);
        handedOver = false;
        queue = null;
      }
  }

  /** Another tab started a conversation: it is the one the visitor expects to see. */
  function isNewer(c: Conversation): boolean {
    if (!t.conversationId) return true;
    return t.conversation !== null && c.createdAt > t.conversation.createdAt;
  }

  function onState(s: LinkState): void {
    if (s !== 'ready') {
      // Whatever was in flight may or may not have arrived: resend with the same key once back.
      pending.clear();
      inflight = null;
      clearTimeout(sendRetryTimer);
      sendRetryTimer = undefined;
      syncing = false;
      agentTyping.set(null);
      preview.reset();
      contact.reset();
      recovery.reset();
    }
    const was = link;
    link =
      s === 'ready'
        ? 'online'
        : s === 'stopped'
          ? 'outdated'
          : s === 'refused'
            ? 'unavailable'
            : s === 'connecting' && (was === 'connecting' || was === 'idle')
              ? 'connecting'
              : 'reconnecting';
    if (s === 'refused' && was !== 'unavailable')
      (opts.warn ?? console.warn)(
        `Candor: the chat server does not accept this site (${siteOrigin()}). ` +
          'Add it to CANDOR_ALLOWED_ORIGINS on the Candor server to enable the chat here.',
      );
    notify();
  }

  /** Whether this browser already has a conversation with us: then the widget connects at load. */
  function known(): boolean {
    // A signed-in user of the site is known too: the site vouched for them on this page.
    return store.get(TOKEN) !== null || t.outbox.length > 0 || identityToken !== null || reopenToken !== null;
  }

  function start(): void {
    if (started) return;
    started = true;
    conn.start();
  }

  async function isRefused(url: string): Promise<boolean> {
    const res = await fetch(url, { mode: 'cors', credentials: 'omit', cache: 'no-store' });
    if (!res.ok) return false;
    const body = (await res.json()) as { allowed?: unknown };
    return body.allowed === false;
  }

  const conn = createConnection({
    url: opts.url,
    WebSocket: opts.WebSocket,
    hello: () => {
      const token = store.get(TOKEN);
      identitySent = identityToken;
      const browser = opts.browser ?? {};
      return {
        type: 'hello',
        protocol: PROTOCOL_VERSION,
        locale: opts.locale,
        // The site's token decides who this is; the stored one is not needed then.
        ...(identityToken ? { identityToken } : token ? { visitorToken: token } : {}),
        // Refused (used, expired), the server goes on with the visitor token.
        ...(reopenToken ? { reopenToken } : {}),
        ...(browser.language ? { language: browser.language } : {}),
        ...(browser.timeZone ? { timeZone: browser.timeZone } : {}),
      };
    },
    onFrame: (frame) => {
      handle(frame);
      notify();
    },
    onState,
    onUnauthenticated: () => {
      store.remove(TOKEN);
      // The server forgot this visitor (expired, or purged having never chatted): resuming at load
      // must not create a new one before the visitor opens the chat.
      if (opened || t.outbox.length) return;
      started = false;
      conn.stop();
      link = 'idle';
      notify();
    },
    onIdentityRefused: () => {
      const code = identityError;
      identityError = null;
      identityToken = null;
      if (code === 'identity_required') {
        link = 'signin';
        notify();
        return true;
      }
      (opts.warn ?? console.warn)(`Candor: the identity token was refused (${code ?? 'identity_invalid'}).`);
      return false;
    },
    ...(opts.backoff ? { backoff: opts.backoff } : {}),
    ...(opts.statusUrl ? { refused: () => isRefused(opts.statusUrl ?? '') } : {}),
  });

  const preview = createPreview({
    store,
    timeline: () => t,
    send: (frame) => conn.send(frame),
    ...(opts.redact ? { redact: opts.redact } : {}),
  });

  const typing = createTypingSignal((value) => {
    if (t.conversationId)
      conn.send({ type: 'typing.update', conversationId: t.conversationId, typing: value });
  });

  return {
    get state() {
      return {
        link,
        timeline: t,
        agentTyping: agentTyping.value,
        agentMessages,
        preview: preview.notice,
        limitedMs,
        contact: contact.state,
        queue,
        handedOver,
        rating: rating.phase(),
        hours,
        botActive: tl.botActive(t, botOn),
        transcript,
        site,
        recovery: recovery.state,
      };
    },
    onChange: (l) => void listeners.push(l),
    start,
    resume() {
      if (known()) start();
    },
    // Before the chat was opened there is no link to bring back.
    wake: () => started && conn.wake(),
    stop() {
      clearTimeout(sendRetryTimer);
      clearTimeout(limitTimer);
      typing.stop();
      agentTyping.set(null);
      preview.reset();
      conn.stop();
    },
    send(body) {
      // Masked before it is queued: the outbox, the screen and the wire only ever hold the masked text.
      const text = preview.mask(body.trim()).trim();
      if (!text || text.length > LIMITS.messageBodyMax) return false;
      typing.stop();
      preview.input('');
      commit(tl.enqueue(t, { clientKey: newClientKey(), body: text, createdAt: Date.now() }));
      flush();
      notify();
      return true;
    },
    retry(clientKey) {
      commit(tl.markRetry(t, clientKey));
      flush();
      notify();
    },
    discard(clientKey) {
      commit(tl.discard(t, clientKey));
      notify();
    },
    draft(text) {
      typing.input(text);
      // What looks like a code in a recovery chat is not shown to the agent as it is typed (the visitor
      // is warned to use the secure field); sent anyway, it is an ordinary message.
      preview.input(t.conversation?.recovery && looksLikeCode(text) ? '' : text);
    },
    setPreview(on) {
      preview.choose(on);
      notify();
    },
    identify(token) {
      identityToken = token;
      // Reconnect now, so the hello carries it (a first start does too).
      started = true;
      conn.start();
    },
    shareContact(name, email) {
      const ok = contact.share(name, email);
      notify();
      return ok;
    },
    dismissContact() {
      contact.dismiss();
      notify();
    },
    pageChanged: () => contact.report(),
    rate(score, comment) {
      const ok = rating.rate(score, comment);
      notify();
      return ok;
    },
    botFeedback(messageId, helpful) {
      if (t.conversationId)
        conn.send({ type: 'bot.feedback', conversationId: t.conversationId, messageId, helpful });
    },
    askPerson() {
      if (t.conversationId) conn.send({ type: 'bot.handover', conversationId: t.conversationId });
    },
    leave(email, body) {
      // From an input of type email: the browser already took the spaces off.
      leaveEmail = email;
      return this.send(body);
    },
    transcript(email) {
      const c = t.conversation;
      // Empty: the server uses the contact's email.
      transcript =
        c &&
        conn.send({
          type: 'transcript.request',
          ref: 'tr',
          conversationId: c.id,
          ...(email ? { email } : {}),
        })
          ? 'sending'
          : 'failed';
      notify();
    },
    helpContext(context) {
      helpContext = context;
    },
    startRecovery(account, situation, details) {
      // Masked as a message is: the details become the conversation's first message.
      const ok = recovery.start(account, situation, preview.mask(details));
      notify();
      return ok;
    },
    verifyCode(code) {
      const ok = recovery.code(code);
      notify();
      return ok;
    },
    setOpen(open) {
      // Opening the chat is what lets it connect (and so create a visitor and store its token).
      if (open) {
        opened = true;
        start();
      }
      preview.open(open);
    },
  };
}
