/**
 * The live console: one connection, the inbox, cached timelines and the outbox. Frames go through the pure
 * reducers; this class adds what needs memory of the socket (refs awaiting an ack, read marks sent, timers)
 * and what to do after each (re)welcome. Views read `getState()` and call the commands below.
 */
import type {
  Agent,
  AgentRoutingView,
  AckFrame,
  ClientFrame,
  Conversation,
  ConversationTransferredFrame,
  ErrorFrame,
  HistoryFrame,
  Message,
  Note,
  RecoveryChangedFrame,
  ServerFrame,
} from '@candor/protocol';
import { addActivity, addNotes, noExtras } from './agent-extras';
import type { AgentExtras } from './agent-extras';
import { newClientKey } from '../client-key';
import { errorText } from '../error-text';
import { sayRecovery } from '../recovery/recovery-text';
import { Connection } from './connection';
import type { ConnectionStatus, SocketFactory, Timers } from './connection';
import {
  applyRouting,
  applySnapshot,
  applyTags,
  applyUpdate,
  emptyInbox,
  markRead,
  upsertConversation,
} from './inbox-state';
import type { InboxEntry, InboxState } from './inbox-state';
import { enqueue, fail, retry, sendAnyway, settle, settleMessage, toResend } from './outbox';
import type { Outbox, OutboxEntry } from './outbox';
import { applyHistory, applyMessage, emptyTimeline, lastSeq } from './timeline';
import type { Timeline } from './timeline';
import { TypingSignal } from './typing-signal';
import { applyConversation, applyDraft, applyVisitorMessage, keepOnly, noDrafts } from './visitor-drafts';
import type { VisitorDrafts } from './visitor-drafts';
import { VisitorTyping } from './visitor-typing';
import { AGENT_TYPING_TTL_MS, ColleaguePresence, VIEW_REPEAT_MS, VIEW_TTL_MS } from './colleagues';
import type { Colleagues } from './colleagues';
import { applyAgentStatus, mergeLoaded, noStatuses } from './agent-status';
import type { AgentStatuses } from './agent-status';
import { afterRecoveryChanged, noSignalAlerts, seen } from '../recovery/signal-alerts';
import type { SignalAlerts } from '../recovery/signal-alerts';
import { sayShell } from '../shell-text';

export interface Notice {
  readonly conversationId: string | null;
  readonly text: string;
}

export interface LiveState {
  readonly status: ConnectionStatus;
  readonly inbox: InboxState;
  readonly inboxLoaded: boolean;
  /** Open conversations the last snapshot left out (past the server's limit); they arrive live when they change. */
  readonly openNotShown: number;
  readonly openId: string | null;
  readonly timelines: Readonly<Record<string, Timeline>>;
  readonly outbox: Outbox;
  readonly visitorTyping: Readonly<Record<string, true>>;
  /** The visitor's unsent text of the open conversation, while its typing preview is on (memory only). */
  readonly visitorDrafts: VisitorDrafts;
  /** Conversations with a resolve/reopen/assign awaiting its ack, so a double click sends one command. */
  readonly busy: Readonly<Record<string, true>>;
  readonly notice: Notice | null;
  /** Private notes and the activity trail per conversation: agents' own, never the visitor's. */
  readonly extras: Readonly<Record<string, AgentExtras>>;
  /** Other agents with a conversation open, and other agents typing a reply in it (collision). */
  readonly viewers: Colleagues;
  readonly agentsTyping: Colleagues;
  /** Per visitor, how many times their contact changed (contact.updated): the contact panel reads it again. */
  readonly contactChanges: Readonly<Record<string, number>>;
  /** Colleagues' status (online / away / offline), live. */
  readonly agentStatus: AgentStatuses;
  /** Per conversation, how many `recovery.changed` frames came: the recovery panel reads its case again. */
  readonly recoveryChanges: Readonly<Record<string, number>>;
  /** Supervisors and admins: recovery conversations with a takeover signal not yet looked at. */
  readonly signalAlerts: SignalAlerts;
}

export interface SessionOptions {
  url: string;
  socket: SocketFactory;
  me: Agent;
  isSignedIn?: () => Promise<boolean>;
  now?: () => number;
  random?: () => number;
  timers?: Timers;
  newKey?: () => string;
  /** Reads a conversation's notes and trail (REST), once its stream is live so nothing falls between. */
  loadExtras?: (conversationId: string) => Promise<Pick<AgentExtras, 'notes' | 'activity'>>;
  /** Reads every agent's status (REST) after each welcome: frames missed while away are not replayed. */
  loadAgentStatus?: () => Promise<AgentRoutingView[]>;
}

type Pending =
  | { kind: 'send'; clientKey: string }
  | { kind: 'subscribe'; conversationId: string }
  | { kind: 'action'; conversationId: string }
  | { kind: 'inbox' };

const initialState: LiveState = {
  status: 'connecting',
  inbox: emptyInbox,
  inboxLoaded: false,
  openNotShown: 0,
  openId: null,
  timelines: {},
  outbox: [],
  visitorTyping: {},
  visitorDrafts: noDrafts,
  busy: {},
  notice: null,
  extras: {},
  viewers: {},
  agentsTyping: {},
  contactChanges: {},
  agentStatus: noStatuses,
  recoveryChanges: {},
  signalAlerts: noSignalAlerts,
};

function without<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  if (!(key in record)) return record;
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

export class LiveSession {
  readonly me: Agent;
  private state: LiveState = initialState;
  private readonly listeners = new Set<(state: LiveState) => void>();
  private readonly updateListeners = new Set<(held: InboxEntry | undefined, next: Conversation) => void>();
  private readonly transferListeners = new Set<(frame: ConversationTransferredFrame) => void>();
  private readonly signalListeners = new Set<(conversationId: string) => void>();
  private readonly connection: Connection;
  private readonly pending = new Map<string, Pending>();
  /** The highest seq reported read per conversation on this socket, to send each read mark once. */
  private readonly readSent = new Map<string, number>();
  private readonly typingVisitors: VisitorTyping;
  private readonly viewers: ColleaguePresence;
  private readonly typingAgents: ColleaguePresence;
  /** Repeats `conversation.view` while a conversation is open, so other consoles do not expire us. */
  private viewTimer: unknown = null;
  private typingSignal: TypingSignal | null = null;
  private nextRef = 1;
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly newKey: () => string;
  private readonly loadExtras: SessionOptions['loadExtras'];
  private readonly loadAgentStatus: SessionOptions['loadAgentStatus'];
  /** Agents an `agent.status` told us of since the last status read was asked (null: none in flight). */
  private toldSinceLoad: Set<string> | null = null;

  constructor(options: SessionOptions) {
    this.me = options.me;
    this.loadExtras = options.loadExtras;
    this.loadAgentStatus = options.loadAgentStatus;
    this.now = options.now ?? Date.now;
    this.newKey = options.newKey ?? newClientKey;
    this.timers = options.timers ?? {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    this.typingVisitors = new VisitorTyping(this.timers, (conversationId, typing) => {
      const held = this.state.visitorTyping;
      this.update({
        visitorTyping: typing ? { ...held, [conversationId]: true } : without(held, conversationId),
      });
    });
    this.viewers = new ColleaguePresence(this.timers, VIEW_TTL_MS, (viewers) => this.update({ viewers }));
    this.typingAgents = new ColleaguePresence(this.timers, AGENT_TYPING_TTL_MS, (agentsTyping) =>
      this.update({ agentsTyping }),
    );
    this.connection = new Connection({
      url: options.url,
      socket: options.socket,
      isSignedIn: options.isSignedIn,
      random: options.random,
      timers: this.timers,
      onOnline: () => this.resume(),
      onFrame: (frame) => this.receive(frame),
      onStatus: (status) => this.statusChanged(status),
    });
  }

  getState(): LiveState {
    return this.state;
  }

  subscribe(listener: (state: LiveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Each live `conversation.updated`, with the copy held before it (for notifications). */
  onConversationUpdate(listener: (held: InboxEntry | undefined, next: Conversation) => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  /** Each `conversation.transferred` of the agent's inboxes (for notifications of a team's members). */
  onTransferred(listener: (frame: ConversationTransferredFrame) => void): () => void {
    this.transferListeners.add(listener);
    return () => this.transferListeners.delete(listener);
  }

  /** Each new takeover signal counted for this supervisor or admin (for a desktop notification). */
  onSignal(listener: (conversationId: string) => void): () => void {
    this.signalListeners.add(listener);
    return () => this.signalListeners.delete(listener);
  }

  start(): void {
    this.connection.start();
  }

  stop(): void {
    this.typingSignal?.stop();
    this.typingSignal = null;
    this.typingVisitors.clear();
    this.stopViewing();
    this.viewers.clear();
    this.typingAgents.clear();
    this.connection.stop();
  }

  reconnectNow(): void {
    this.connection.retryNow();
  }

  /** Shows one conversation (or none): streams it, and stops streaming the previous one but keeps its cache. */
  open(conversationId: string | null): void {
    const previous = this.state.openId;
    if (conversationId === previous) return;
    if (previous !== null) {
      this.stopTyping();
      this.stopViewing();
      // Unsubscribing also tells the others we left (the server says viewing: false for us).
      this.connection.send({ type: 'conversation.unsubscribe', conversationId: previous });
    }
    let { timelines, inbox } = this.state;
    if (conversationId !== null) {
      if (!timelines[conversationId]) timelines = { ...timelines, [conversationId]: emptyTimeline };
      inbox = markRead(inbox, conversationId, 0);
    }
    const visitorDrafts = keepOnly(this.state.visitorDrafts, conversationId);
    const signalAlerts =
      conversationId === null ? this.state.signalAlerts : seen(this.state.signalAlerts, conversationId);
    this.update({ openId: conversationId, timelines, inbox, visitorDrafts, signalAlerts, notice: null });
    if (conversationId !== null) this.subscribeTo(conversationId);
  }

  send(conversationId: string, body: string): void {
    const text = body.trim();
    if (!text) return;
    this.stopTyping();
    const entry = { clientKey: this.newKey(), conversationId, body: text, createdAt: this.now() };
    this.update({ outbox: enqueue(this.state.outbox, entry) });
    this.transmit(entry);
  }

  retry(clientKey: string): void {
    const entry = this.state.outbox.find((e) => e.clientKey === clientKey);
    if (!entry) return;
    this.update({ outbox: retry(this.state.outbox, clientKey) });
    this.transmit(entry);
  }

  /**
   * Sends a reply the server held back (`message_held`) after the agent read its warning. Never in a
   * recovery conversation: the server does not honour it there, so the console does not offer it.
   */
  sendAnyway(clientKey: string): void {
    const entry = this.state.outbox.find((e) => e.clientKey === clientKey);
    if (!entry?.held || this.state.inbox[entry.conversationId]?.recovery === true) return;
    const outbox = sendAnyway(this.state.outbox, clientKey);
    this.update({ outbox });
    const resent = outbox.find((e) => e.clientKey === clientKey);
    if (resent) this.transmit(resent);
  }

  /** The agent dismissed a takeover-signal notice (the case keeps its warning). */
  dismissSignal(conversationId: string): void {
    this.update({ signalAlerts: seen(this.state.signalAlerts, conversationId) });
  }

  discard(clientKey: string): void {
    this.update({ outbox: settle(this.state.outbox, clientKey) });
  }

  resolve(conversationId: string): void {
    this.act(conversationId, (ref) => ({ type: 'conversation.resolve', ref, conversationId }));
  }

  reopen(conversationId: string): void {
    this.act(conversationId, (ref) => ({ type: 'conversation.reopen', ref, conversationId }));
  }

  assign(conversationId: string, agentId: string | null): void {
    this.act(conversationId, (ref) => ({ type: 'conversation.assign', ref, conversationId, agentId }));
  }

  /** Shows the visitor a small form to share their name and email. */
  requestContact(conversationId: string): void {
    this.act(conversationId, (ref) => ({ type: 'contact.request', ref, conversationId }));
  }

  /** Called on each keystroke in the reply box. */
  typing(conversationId: string): void {
    if (this.typingSignal?.conversationId !== conversationId) {
      this.stopTyping();
      this.typingSignal = new TypingSignal(
        conversationId,
        (typing) => this.connection.send({ type: 'typing.update', conversationId, typing }),
        { now: this.now, timers: this.timers },
      );
    }
    this.typingSignal.input();
  }

  dismissNotice(): void {
    this.update({ notice: null });
  }

  /** A note this agent just wrote (the REST answer); its live frame may come first or after. */
  noteAdded(note: Note): void {
    this.withExtras(note.conversationId, (held) => addNotes(held, [note]));
  }

  /** A conversation as a REST call answered it (e.g. after changing its tags). */
  conversationChanged(conversation: Conversation): void {
    this.update({ inbox: upsertConversation(this.state.inbox, conversation) });
  }

  private withExtras(conversationId: string, change: (held: AgentExtras) => AgentExtras): void {
    const held = this.state.extras[conversationId] ?? noExtras;
    const next = change(held);
    if (next !== held) this.update({ extras: { ...this.state.extras, [conversationId]: next } });
  }

  private fetchExtras(conversationId: string): void {
    this.loadExtras?.(conversationId).then(
      ({ notes, activity }) =>
        this.withExtras(conversationId, (held) => addActivity(addNotes(held, notes), activity)),
      (err: unknown) => console.warn('candor: notes and activity could not be loaded', err),
    );
  }

  // ---------- socket events ----------

  /** After every welcome: the server remembers nothing of the previous socket, so say it all again. */
  private resume(): void {
    this.pending.clear();
    this.readSent.clear();
    this.connection.send({ type: 'inbox.subscribe', ref: this.ref({ kind: 'inbox' }) });
    if (this.state.openId !== null) this.subscribeTo(this.state.openId);
    for (const entry of toResend(this.state.outbox)) this.transmit(entry);
    this.readAgentStatus();
  }

  private readAgentStatus(): void {
    if (!this.loadAgentStatus) return;
    const told = new Set<string>();
    this.toldSinceLoad = told;
    this.loadAgentStatus().then(
      (agents) => {
        this.update({ agentStatus: mergeLoaded(this.state.agentStatus, agents, told) });
        if (this.toldSinceLoad === told) this.toldSinceLoad = null;
      },
      (err: unknown) => console.warn('candor: colleagues’ status could not be read', err),
    );
  }

  private statusChanged(status: ConnectionStatus): void {
    if (status !== 'online') {
      // Nothing in flight will be answered now; the outbox keeps the replies, resent on the next welcome.
      this.pending.clear();
      this.typingVisitors.clear();
      this.stopViewing();
      this.viewers.clear();
      this.typingAgents.clear();
      // A draft cleared while we were away would never be cleared here: show none until the next one.
      this.update({ status, busy: {}, visitorTyping: {}, visitorDrafts: noDrafts });
      return;
    }
    this.update({ status });
  }

  private receive(frame: ServerFrame): void {
    switch (frame.type) {
      case 'inbox.snapshot': {
        this.takePending(frame.ref);
        const openId = this.state.openId;
        const inbox = applySnapshot(frame.conversations);
        this.update({
          inbox: openId === null ? inbox : markRead(inbox, openId, 0),
          inboxLoaded: true,
          openNotShown: frame.openNotShown ?? 0,
        });
        return;
      }
      case 'conversation.updated': {
        const held = this.state.inbox[frame.conversation.id];
        for (const listener of this.updateListeners) listener(held, frame.conversation);
        const inbox = applyUpdate(this.state.inbox, frame.conversation, this.state.openId);
        return this.update({ inbox, visitorDrafts: this.draftsAfter(frame.conversation, inbox) });
      }
      case 'conversation.history':
        return this.history(frame);
      case 'message.created':
        return this.message(frame.message);
      case 'typing.updated': {
        const { author } = frame;
        if (author.type === 'visitor') this.typingVisitors.set(frame.conversationId, frame.typing);
        else if (author.type === 'agent' && author.id !== null && author.id !== this.me.id)
          this.typingAgents.set(frame.conversationId, { id: author.id, name: author.name }, frame.typing);
        return;
      }
      case 'viewing.updated':
        if (frame.agent.id !== this.me.id) this.viewers.set(frame.conversationId, frame.agent, frame.viewing);
        return;
      case 'conversation.seen':
        return; // for visitors
      case 'draft.updated':
        return this.update({ visitorDrafts: applyDraft(this.state.visitorDrafts, frame, this.state.openId) });
      case 'note.created':
        return this.withExtras(frame.note.conversationId, (held) => addNotes(held, [frame.note]));
      case 'activity.recorded':
        return this.withExtras(frame.activity.conversationId, (held) => addActivity(held, [frame.activity]));
      case 'tags.updated':
        return this.update({ inbox: applyTags(this.state.inbox, frame.conversationId, frame.tags) });
      case 'routing.updated':
        return this.update({ inbox: applyRouting(this.state.inbox, frame) });
      case 'conversation.transferred':
        for (const listener of this.transferListeners) listener(frame);
        return;
      case 'agent.status':
        this.toldSinceLoad?.add(frame.agentId);
        return this.update({ agentStatus: applyAgentStatus(this.state.agentStatus, frame) });
      case 'ack':
        return this.ack(frame);
      case 'error':
        return this.error(frame);
      case 'contact.updated': {
        const changes = this.state.contactChanges;
        return this.update({
          contactChanges: { ...changes, [frame.visitorId]: (changes[frame.visitorId] ?? 0) + 1 },
        });
      }
      case 'recovery.changed':
        return this.recoveryChanged(frame);
      case 'welcome':
      case 'contact.requested':
      case 'recovery.status':
        return; // handled by the connection; contact.requested and recovery.status are for visitors
    }
  }

  private recoveryChanged(frame: RecoveryChangedFrame): void {
    const id = frame.conversationId;
    const changes = this.state.recoveryChanges;
    const held = this.state.signalAlerts;
    const signalAlerts = afterRecoveryChanged(held, frame, {
      role: this.me.role,
      watchedId: this.state.openId,
    });
    this.update({ recoveryChanges: { ...changes, [id]: (changes[id] ?? 0) + 1 }, signalAlerts });
    if (signalAlerts !== held) for (const listener of this.signalListeners) listener(id);
  }

  private history(frame: HistoryFrame): void {
    this.takePending(frame.ref);
    const id = frame.conversation.id;
    const timeline = applyHistory(this.state.timelines[id] ?? emptyTimeline, frame.messages, frame.complete);
    const inbox = upsertConversation(this.state.inbox, frame.conversation);
    this.update({
      visitorDrafts: this.draftsAfter(frame.conversation, inbox),
      timelines: { ...this.state.timelines, [id]: timeline },
      inbox,
    });
    if (id !== this.state.openId) return;
    // Paged: ask for the rest after the last seq held. An empty incomplete page would loop, so stop there.
    if (!frame.complete && frame.messages.length > 0) return this.subscribeTo(id);
    if (!timeline.loaded)
      this.update({ timelines: { ...this.state.timelines, [id]: { ...timeline, loaded: true } } });
    this.markOpenRead(); // once, at the end of the pages, not per page
    // Streaming now: whatever is written from here on arrives live, the rest is read once.
    this.fetchExtras(id);
  }

  private message(message: Message): void {
    const isOpen = message.conversationId === this.state.openId;
    this.update({
      timelines: this.withMessage(message, isOpen),
      outbox: settleMessage(this.state.outbox, message),
      visitorDrafts: applyVisitorMessage(this.state.visitorDrafts, message),
    });
    if (message.author.type === 'visitor') this.typingVisitors.set(message.conversationId, false);
    else if (message.author.type === 'agent' && message.author.id !== null)
      this.typingAgents.set(
        message.conversationId,
        { id: message.author.id, name: message.author.name },
        false,
      );
    if (isOpen) this.markOpenRead();
  }

  private ack(frame: AckFrame): void {
    const pending = this.takePending(frame.ref);
    let { timelines, outbox, inbox, busy } = this.state;
    if (frame.message) {
      timelines = this.withMessage(frame.message, false);
      outbox = settleMessage(outbox, frame.message);
    }
    if (pending?.kind === 'send') outbox = settle(outbox, pending.clientKey);
    if (pending?.kind === 'action') busy = without(busy, pending.conversationId);
    let { visitorDrafts } = this.state;
    if (frame.conversation) {
      inbox = upsertConversation(inbox, frame.conversation);
      visitorDrafts = this.draftsAfter(frame.conversation, inbox);
    }
    this.update({ timelines, outbox, inbox, busy, visitorDrafts });
  }

  private error(frame: ErrorFrame): void {
    const pending = this.takePending(frame.ref);
    const text = errorText(frame.code, frame.message);
    switch (pending?.kind) {
      case 'send': {
        // Held back: why, in the console's language (the server's English warning if it did not say why).
        const held = frame.code === 'message_held';
        const why = held && frame.heldBecause ? sayRecovery(`held_${frame.heldBecause}`) : text;
        return this.update({ outbox: fail(this.state.outbox, pending.clientKey, why, held) });
      }
      case 'action':
        return this.update({
          busy: without(this.state.busy, pending.conversationId),
          notice: { conversationId: pending.conversationId, text },
        });
      case 'subscribe':
        return this.update({ notice: { conversationId: pending.conversationId, text } });
      case 'inbox':
        return this.update({ notice: { conversationId: null, text } });
      case undefined:
        // Refused typing or read marks carry no ref and need no attention from the agent.
        console.warn(`candor: server error ${frame.code}: ${frame.message}`);
    }
  }

  // ---------- helpers ----------

  private subscribeTo(conversationId: string): void {
    const afterSeq = this.state.timelines[conversationId]?.syncedSeq ?? 0;
    const ref = this.ref({ kind: 'subscribe', conversationId });
    if (!this.connection.send({ type: 'conversation.subscribe', ref, conversationId, afterSeq })) {
      this.pending.delete(ref); // sent again by `resume` once welcomed
      return;
    }
    // After the subscribe, which the server handles first: it accepts views of followed conversations only.
    if (conversationId === this.state.openId) this.sayViewing(conversationId);
  }

  private sayViewing(conversationId: string): void {
    this.stopViewing();
    if (!this.connection.send({ type: 'conversation.view', conversationId, viewing: true })) return;
    this.viewTimer = this.timers.setTimeout(() => {
      this.viewTimer = null;
      if (this.state.openId === conversationId) this.sayViewing(conversationId);
    }, VIEW_REPEAT_MS);
  }

  private stopViewing(): void {
    if (this.viewTimer !== null) this.timers.clearTimeout(this.viewTimer);
    this.viewTimer = null;
  }

  private transmit(entry: Pick<OutboxEntry, 'clientKey' | 'conversationId' | 'body' | 'acknowledged'>): void {
    const { clientKey, conversationId, body } = entry;
    const ref = this.ref({ kind: 'send', clientKey });
    const frame = { type: 'message.send', ref, conversationId, clientKey, body } as const;
    const sent = this.connection.send(entry.acknowledged ? { ...frame, acknowledgeWarning: true } : frame);
    if (!sent) {
      this.pending.delete(ref); // stays "sending" in the outbox until the next welcome
    }
  }

  private act(conversationId: string, frame: (ref: string) => ClientFrame): void {
    if (this.state.busy[conversationId]) return;
    const ref = this.ref({ kind: 'action', conversationId });
    if (!this.connection.send(frame(ref))) {
      this.pending.delete(ref);
      this.update({ notice: { conversationId, text: sayShell('notConnected') } });
      return;
    }
    this.update({ busy: { ...this.state.busy, [conversationId]: true } });
  }

  /** Only cached conversations take single messages: an uncached one loads in full when opened. */
  private withMessage(message: Message, live: boolean): LiveState['timelines'] {
    const held = this.state.timelines[message.conversationId];
    if (!held) return this.state.timelines;
    const next = applyMessage(held, message, live);
    return next === held ? this.state.timelines : { ...this.state.timelines, [message.conversationId]: next };
  }

  /**
   * Drafts after a copy of `conversation` was merged into `inbox` (which keeps the freshest copy). Called
   * before the state moves, so the seq held is what we knew: from the inbox or the messages themselves,
   * which a visitor's message can reach first.
   */
  private draftsAfter(conversation: Conversation, inbox: InboxState): VisitorDrafts {
    const id = conversation.id;
    const fresh = inbox[id] ?? conversation;
    const held = Math.max(
      this.state.inbox[id]?.lastSeq ?? fresh.lastSeq,
      lastSeq(this.state.timelines[id]?.messages ?? []),
    );
    return applyConversation(this.state.visitorDrafts, fresh, held);
  }

  private markOpenRead(): void {
    const id = this.state.openId;
    if (id === null) return;
    const seq = lastSeq(this.state.timelines[id]?.messages ?? []);
    if (seq > (this.readSent.get(id) ?? 0)) {
      if (this.connection.send({ type: 'conversation.read', conversationId: id, seq }))
        this.readSent.set(id, seq);
    }
    const inbox = markRead(this.state.inbox, id, seq);
    if (inbox !== this.state.inbox) this.update({ inbox });
  }

  private stopTyping(): void {
    this.typingSignal?.stop();
    this.typingSignal = null;
  }

  private ref(pending: Pending): string {
    const ref = `c${this.nextRef++}`;
    this.pending.set(ref, pending);
    return ref;
  }

  private takePending(ref: string | undefined): Pending | undefined {
    if (ref === undefined) return undefined;
    const pending = this.pending.get(ref);
    this.pending.delete(ref);
    return pending;
  }

  private update(patch: Partial<LiveState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}
