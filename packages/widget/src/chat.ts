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
  type Message,
  type ServerFrame,
} from '@candor/protocol';
import { createBackoff, type BackoffOptions } from './backoff';
import { createConnection, type LinkState, type SocketFactory } from './connection';
import type { Locale } from './i18n';
import { loadOutbox, saveOutbox } from './outbox';
import { createPreview, type Notice, type Redactor } from './preview';
import type { Store } from './storage';
import * as tl from './timeline';
import { TYPING_EXPIRY_MS, createExpiring, createTypingSignal } from './typing';

/** online: welcomed; reconnecting: lost the link (or never got it) and trying again; outdated: gave up. */
export type Link = 'connecting' | 'online' | 'reconnecting' | 'outdated';

export interface ChatState {
  link: Link;
  timeline: tl.Timeline;
  /** Name of the agent typing, if any. */
  agentTyping: string | null;
  /** Counts agent messages that arrived after the first load, so the view can flag one it has not shown. */
  agentMessages: number;
  /** The typing preview notice above the input. */
  preview: Notice;
}

export interface ChatOptions {
  url: string;
  WebSocket: SocketFactory;
  store: Store;
  locale: Locale;
  backoff?: Partial<BackoffOptions>;
  /** Masks secrets in drafts and messages; `redact` from the protocol unless a test swaps it. */
  redact?: Redactor;
}

export interface Chat {
  readonly state: ChatState;
  onChange(listener: () => void): void;
  start(): void;
  wake(): void;
  stop(): void;
  /** Queues a message; false when it is empty or over the length limit. */
  send(body: string): boolean;
  retry(clientKey: string): void;
  draft(text: string): void;
  /** The visitor pressed the typing preview switch. */
  setPreview(on: boolean): void;
  /** The panel, and so the notice, is on screen or not. */
  setOpen(open: boolean): void;
}

type Pending = { kind: 'send'; clientKey: string } | { kind: 'subscribe'; conversationId: string };

const TOKEN = 'token';
const PREVIEW_RETRY_MS = 1000;

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
  let link: Link = 'connecting';
  let agentMessages = 0;
  let visitorId: string | null = null;
  let refCounter = 0;
  const pending = new Map<string, Pending>();
  /** Key of the message sent and not yet answered: one at a time keeps the order of the outbox. */
  let inflight: string | null = null;
  /** Waiting for history: sending now could go to a conversation about to be replaced. */
  let syncing = false;
  const sendRetry = createBackoff(opts.backoff);
  let sendRetryTimer: ReturnType<typeof setTimeout> | undefined;
  const agentTyping = createExpiring<string>(TYPING_EXPIRY_MS, notify);

  function commit(next: tl.Timeline): void {
    if (next.outbox !== t.outbox) saveOutbox(store, next.outbox);
    const switched = next.conversationId !== t.conversationId;
    t = next;
    if (switched) preview.reset();
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
    conn.send({
      type: 'message.send',
      ref: r,
      conversationId: t.conversationId,
      clientKey: entry.clientKey,
      body: entry.body,
    });
  }

  function retryLater(run: () => void): void {
    clearTimeout(sendRetryTimer);
    sendRetryTimer = setTimeout(() => {
      sendRetryTimer = undefined;
      run();
    }, sendRetry.next());
  }

  function onError(frame: ErrorFrame): void {
    if (preview.settle(frame.ref)) {
      // A lost switch-off would leave the agent's view enabled: try again, once the error passes.
      if (RETRYABLE_ERRORS.includes(frame.code)) setTimeout(() => preview.sync(), PREVIEW_RETRY_MS);
      return;
    }
    const what = frame.ref === undefined ? undefined : pending.get(frame.ref);
    if (!what || frame.ref === undefined) return;
    pending.delete(frame.ref);
    const retryable = RETRYABLE_ERRORS.includes(frame.code) || frame.code === 'not_ready';
    if (what.kind === 'subscribe') {
      if (what.conversationId !== t.conversationId) return;
      if (retryable) return retryLater(() => conn.ready && subscribe(what.conversationId));
      // Not ours or gone: start afresh; the next message creates a conversation.
      commit(tl.adopt(t, null));
      syncing = false;
      return flush();
    }
    if (inflight === what.clientKey) inflight = null;
    if (retryable) return retryLater(flush);
    commit(tl.markFailed(t, what.clientKey, frame.code));
    flush();
  }

  function handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome': {
        const v = frame.visitor;
        if (v?.token) store.set(TOKEN, v.token);
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
        if (preview.settle(frame.ref)) {
          if (frame.conversation?.id === t.conversationId) commit({ ...t, conversation: frame.conversation });
          return;
        }
        const what = pending.get(frame.ref);
        pending.delete(frame.ref);
        if (what?.kind !== 'send') return;
        const m = frame.message;
        if (m && m.conversationId !== t.conversationId) {
          // The server created a conversation for our first message (or reopened another): follow it.
          switchTo(tl.acknowledge(tl.adopt(t, m.conversationId, frame.conversation), what.clientKey, m));
          subscribe(m.conversationId);
        } else commit(tl.acknowledge(t, what.clientKey, m));
        preview.sync();
        sendRetry.reset();
        if (inflight === what.clientKey) inflight = null;
        flush();
        break;
      }
      case 'conversation.updated': {
        const c = frame.conversation;
        if (c.id === t.conversationId) {
          const before = t.conversation;
          commit({ ...t, conversation: c });
          preview.updated(before);
        } else if (c.visitorId === visitorId && isNewer(c)) follow(c);
        break;
      }
      case 'typing.updated':
        if (frame.conversationId === t.conversationId && frame.author.type === 'agent')
          agentTyping.set(frame.typing ? frame.author.name : null);
        break;
      case 'error':
        onError(frame);
        break;
      case 'inbox.snapshot':
        break;
    }
  }

  function countAgentMessages(messages: readonly Message[], after: number): void {
    for (const m of messages)
      if (m.conversationId === t.conversationId && m.seq > after && m.author.type === 'agent') {
        agentMessages++;
        agentTyping.set(null);
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
    }
    const was = link;
    link =
      s === 'ready'
        ? 'online'
        : s === 'stopped'
          ? 'outdated'
          : s === 'connecting' && was === 'connecting'
            ? 'connecting'
            : 'reconnecting';
    notify();
  }

  const conn = createConnection({
    url: opts.url,
    WebSocket: opts.WebSocket,
    hello: () => {
      const token = store.get(TOKEN);
      return {
        type: 'hello',
        protocol: PROTOCOL_VERSION,
        locale: opts.locale,
        ...(token ? { visitorToken: token } : {}),
      };
    },
    onFrame: (frame) => {
      handle(frame);
      notify();
    },
    onState,
    onUnauthenticated: () => store.remove(TOKEN),
    ...(opts.backoff ? { backoff: opts.backoff } : {}),
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
      return { link, timeline: t, agentTyping: agentTyping.value, agentMessages, preview: preview.notice };
    },
    onChange: (l) => void listeners.push(l),
    start: () => conn.start(),
    wake: () => conn.wake(),
    stop() {
      clearTimeout(sendRetryTimer);
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
    draft(text) {
      typing.input(text);
      preview.input(text);
    },
    setPreview(on) {
      preview.choose(on);
      notify();
    },
    setOpen: (open) => preview.open(open),
  };
}
