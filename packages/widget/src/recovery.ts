/**
 * Account recovery, widget side (issue 14): "I can't access my account" (`recovery.start`), the code
 * typed in the secure field (`recovery.code`), what the server says of it (`codeResult`, and
 * `recovery.status`). A code is handed to the socket and forgotten: it is never kept here, stored, or
 * put in the outbox or the timeline. Refs are its own (`rs1`, `rc1`…).
 */
import type {
  AckFrame,
  CommandFrame,
  Conversation,
  ErrorFrame,
  RecoverySituation,
  RecoveryStatusFrame,
  RecoveryVisitorState,
} from '@candor/protocol';

/** What the last code try did: sending, the server's outcome, or failed (not sent, or refused). */
export type CodePhase = 'sending' | 'verified' | 'wrong' | 'expired' | 'too_many_tries' | 'failed';

export interface RecoveryState {
  /** The "I can't access my account" form: sending, or failed (may try again); null otherwise. */
  start: 'sending' | 'failed' | null;
  code: CodePhase | null;
  /** The server's last word on the current conversation (a code asked for, verified); null: none yet. */
  status: RecoveryVisitorState | null;
}

export interface RecoveryDeps {
  send(frame: CommandFrame): boolean;
  conversationId(): string | null;
  newKey(): string;
  /** The ack's conversation becomes the open one. */
  follow(c: Conversation): void;
}

/** The server's limits on what the form sends (recoveryStartFrame). */
const ACCOUNT_MAX = 254;
const DETAILS_MAX = 2000;
const CODE_MAX = 32;

/**
 * A draft that looks like a one-time code: six digits or more, maybe grouped by spaces or dashes
 * ("482 913"). Any script's digits count: a code copied from a phone may not be in ASCII digits.
 */
export function looksLikeCode(text: string): boolean {
  return /(?:\p{Nd}[ -]?){5}\p{Nd}/u.test(text);
}

/** A code as typed, without the spaces and dashes people put in to read it; '' when not sendable. */
export function cleanCode(text: string): string {
  const code = text.replace(/[\s-]/g, '');
  return code.length > CODE_MAX ? '' : code;
}

export function createRecovery(deps: RecoveryDeps) {
  let start: RecoveryState['start'] = null;
  let code: CodePhase | null = null;
  let status: RecoveryVisitorState | null = null;
  /** Kept until acked, so a form sent again after a lost answer is one conversation on the server. */
  let startKey: string | null = null;
  let startRef: string | null = null;
  let codeRef: string | null = null;
  let refs = 0;

  return {
    get state(): RecoveryState {
      return { start, code, status };
    },
    /** false when the account is missing or too long, the details too long, or the link down. */
    start(account: string, situation: RecoverySituation, details: string): boolean {
      const name = account.trim();
      const more = details.trim();
      if (!name || name.length > ACCOUNT_MAX || more.length > DETAILS_MAX) return false;
      startKey ??= deps.newKey();
      const ref = `rs${++refs}`;
      const sent = deps.send({
        type: 'recovery.start',
        ref,
        account: name,
        situation,
        ...(more ? { details: more } : {}),
        clientKey: startKey,
      });
      start = sent ? 'sending' : 'failed';
      startRef = sent ? ref : null;
      return sent;
    },
    /** Sends the code typed in the secure field; false when it is empty, too long, or the link is down. */
    code(typed: string): boolean {
      const conversationId = deps.conversationId();
      const clean = cleanCode(typed);
      if (!conversationId || !clean) return false;
      const ref = `rc${++refs}`;
      const sent = deps.send({ type: 'recovery.code', ref, conversationId, code: clean });
      code = sent ? 'sending' : 'failed';
      codeRef = sent ? ref : null;
      return sent;
    },
    /** An ack or error for one of ours: true when it was. */
    settle(frame: AckFrame | ErrorFrame): boolean {
      if (frame.ref === undefined) return false;
      if (frame.ref === startRef) {
        startRef = null;
        const c = frame.type === 'ack' ? frame.conversation : undefined;
        start = c ? null : 'failed';
        if (c) {
          startKey = null;
          deps.follow(c);
        }
        return true;
      }
      if (frame.ref !== codeRef) return false;
      codeRef = null;
      code = (frame.type === 'ack' && frame.codeResult?.outcome) || 'failed';
      return true;
    },
    status(frame: RecoveryStatusFrame): void {
      if (frame.conversationId !== deps.conversationId()) return;
      // A new code is on its way: what was said of the previous one no longer applies.
      if (frame.state.codeRequestedAt !== status?.codeRequestedAt && code !== 'sending') code = null;
      status = frame.state;
    },
    /** Another conversation is shown: its state is not this one's. */
    switched(): void {
      code = null;
      status = null;
      codeRef = null;
    },
    /** The link is gone: whatever was in flight may not have arrived. */
    reset(): void {
      if (startRef !== null) start = 'failed';
      if (codeRef !== null) code = 'failed';
      startRef = null;
      codeRef = null;
    },
  };
}

export type Recovery = ReturnType<typeof createRecovery>;
