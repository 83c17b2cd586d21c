/**
 * The typing preview, visitor side: what the notice above the input says, the visitor's choice per
 * conversation, the `preview.set` handshake and the drafts. A draft leaves the page only when the
 * server says the conversation's preview is enabled, the visitor chose it, and the notice is on screen;
 * drafts and messages are redacted before they leave. Refs of `preview.set` are its own (`p1`, `p2`…).
 */
import {
  LIMITS,
  compileRules,
  redact,
  redactDraft,
  type CommandFrame,
  type CompiledRules,
  type PreviewPolicy,
  type RedactionRule,
} from '@candor/protocol';
import type { Store } from './storage';
import type { Timeline } from './timeline';

/** At most one draft every 200 ms; the latest text wins. */
export const DRAFT_INTERVAL_MS = 200;

/** What the panel shows above the input: nothing, the notice (preview on), or the "off" line. */
export type Notice = 'hidden' | 'on' | 'off';

export type Redactor = (text: string, rules: CompiledRules) => { text: string };

export interface PreviewOptions {
  store: Store;
  timeline: () => Timeline;
  /** false when the link is down. */
  send: (frame: CommandFrame) => boolean;
  redact?: Redactor;
}

export interface Preview {
  readonly notice: Notice;
  /** From `welcome`: the policy a new conversation gets, and the admins' redaction rules. */
  welcome(policy: PreviewPolicy | undefined, rules: readonly RedactionRule[] | undefined): void;
  /** The panel (with the notice in it) is on screen or not. */
  open(open: boolean): void;
  /** The visitor pressed the switch. */
  choose(on: boolean): void;
  /** Tells the server the visitor's choice if it differs from the conversation's state. */
  sync(): void;
  /** The conversation's state changed on the server; `before` is what we held until now. */
  updated(before: Timeline['conversation']): void;
  /** Answer to one of our `preview.set`: true if the ref was ours. */
  settle(ref: string | undefined): boolean;
  input(text: string): void;
  mask(text: string): string;
  /** Link lost, conversation switched or chat stopped: what was in flight or pending is void. */
  reset(): void;
}

const key = (conversationId: string | null) => `preview:${conversationId ?? 'new'}`;

export function createPreview(opts: PreviewOptions): Preview {
  // Not destructured: esbuild cannot lower destructuring for the widget's safari14 target.
  const store = opts.store;
  const timeline = opts.timeline;
  const send = opts.send;
  const redactor = opts.redact ?? redact;
  // Drafts leave while being typed: the stricter draft rules also hide secrets not yet complete.
  const draftRedactor = opts.redact ?? redactDraft;
  let rules = compileRules([]);
  /** Before the welcome we do not know the policy: show nothing, send nothing. */
  let newPolicy: PreviewPolicy = 'off';
  let isOpen = false;
  /** Our unanswered `preview.set` refs, and the state the last one asks for. */
  const inflight = new Set<string>();
  let requested: boolean | null = null;
  let refs = 0;
  /** What the agent was last sent, so the same text (or a second '') is not sent again. */
  let lastSent = '';
  let pending: string | null = null;
  let lastAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const policy = () => timeline().conversation?.preview.policy ?? newPolicy;

  function chosen(): boolean {
    const id = timeline().conversationId;
    const saved = (id === null ? null : store.get(key(id))) ?? store.get(key(null));
    return saved === null ? policy() === 'on_with_notice' : saved === '1';
  }

  /** Drafts may go out (the notice was on screen when they were typed). */
  function enabled(): boolean {
    const c = timeline().conversation;
    return !!c && c.preview.policy !== 'off' && c.preview.enabled && chosen();
  }

  function cancel(): void {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
  }

  function fire(): void {
    timer = undefined;
    const text = pending;
    pending = null;
    const c = timeline().conversation;
    if (text === null || !c || !enabled()) return;
    lastAt = Date.now();
    const masked = draftRedactor(text, rules).text.slice(0, LIMITS.messageBodyMax);
    if (masked !== lastSent && send({ type: 'draft.update', conversationId: c.id, text: masked }))
      lastSent = masked;
  }

  function save(id: string | null, on: boolean): void {
    store.set(key(id), on ? '1' : '0');
  }

  function sync(): void {
    const c = timeline().conversation;
    if (!c) return;
    // A choice made before the conversation existed belongs to it now.
    const early = store.get(key(null));
    if (early !== null) {
      if (store.get(key(c.id)) === null) store.set(key(c.id), early);
      store.remove(key(null));
    }
    if (c.preview.policy === 'off') return;
    const want = chosen();
    if (want === (requested ?? c.preview.enabled)) return;
    // Switching on needs the notice on screen; switching off never waits.
    if (want && !isOpen) return;
    const ref = `p${++refs}`;
    const frame: CommandFrame = {
      type: 'preview.set',
      ref,
      conversationId: c.id,
      enabled: want,
      noticeShown: isOpen,
    };
    if (!send(frame)) return;
    inflight.add(ref);
    requested = want;
  }

  return {
    get notice() {
      return policy() === 'off' ? 'hidden' : chosen() ? 'on' : 'off';
    },
    welcome(p, r) {
      newPolicy = p ?? 'off';
      rules = compileRules(r ?? []);
    },
    open(open) {
      isOpen = open;
      if (open) sync();
    },
    choose(on) {
      save(timeline().conversationId, on);
      if (!on) {
        // At once: nothing typed from now on, nor the draft waiting for its turn, reaches the agent.
        cancel();
        lastSent = '';
      }
      sync();
    },
    sync,
    updated(before) {
      const c = timeline().conversation;
      if (!c) return;
      const was = before?.id === c.id ? before.preview : null;
      // Switched from another tab or device (not by our own set, not by a policy change): follow it.
      if (was && !inflight.size && was.policy === c.preview.policy && was.enabled !== c.preview.enabled)
        save(c.id, c.preview.enabled);
      if (!enabled()) cancel();
      sync();
    },
    settle(ref) {
      if (ref === undefined || !inflight.delete(ref)) return false;
      if (!inflight.size) requested = null;
      return true;
    },
    input(text) {
      if (!isOpen || !enabled()) return cancel();
      pending = text;
      if (timer !== undefined) return;
      timer = setTimeout(fire, Math.max(0, lastAt + DRAFT_INTERVAL_MS - Date.now()));
    },
    mask: (text) => redactor(text, rules).text,
    reset() {
      cancel();
      inflight.clear();
      requested = null;
      lastSent = '';
    },
  };
}
