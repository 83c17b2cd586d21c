/**
 * The visitor's contact, widget side: the pre-chat form (when the inbox asks for one), the form an
 * agent asked for, and the page reports. What it sends is exactly what the privacy note lists: a name
 * and email the visitor typed, and the address (no query, no fragment) and title of the page.
 */
import type {
  AckFrame,
  CommandFrame,
  ErrorCode,
  ErrorFrame,
  PreChatForm,
  Verification,
  WelcomeFrame,
} from '@candor/protocol';

/** hidden; prechat: asked before the first message; requested: an agent asked. */
export type ContactForm = 'hidden' | 'prechat' | 'requested';

export interface PageFacts {
  url: string;
  title: string;
}

export interface ContactDeps {
  send(frame: CommandFrame): boolean;
  /** The page now open, or null when it is not an http(s) page. */
  page?: () => PageFacts | null;
}

export interface ContactState {
  form: ContactForm;
  /** The pre-chat form cannot be skipped without an email. */
  requireEmail: boolean;
  /** The server refused what was typed (bad_frame: not an email), or another reason; null when none. */
  error: ErrorCode | null;
}

const TITLE_MAX = 300;

/** The page as the widget reports it: http(s) only, without query and fragment, title trimmed. */
export function pageFacts(href: string, title: string): PageFacts | null {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return { url: `${u.protocol}//${u.host}${u.pathname}`, title: title.trim().slice(0, TITLE_MAX) };
}

export function createContact(deps: ContactDeps) {
  let form: ContactForm = 'hidden';
  let verification: Verification = 'anonymous';
  let preChat: PreChatForm | undefined;
  let skipped = false;
  let pendingRef: string | null = null;
  let error: ErrorCode | null = null;
  let refs = 0;
  let lastPage = '';

  function report(): void {
    const p = deps.page?.();
    if (!p) return;
    const key = `${p.url}\n${p.title}`;
    if (key !== lastPage && deps.send({ type: 'page.view', url: p.url, title: p.title })) lastPage = key;
  }

  return {
    get state(): ContactState {
      return { form, requireEmail: form === 'prechat' && preChat?.requireEmail === true, error };
    },
    get verification(): Verification {
      return verification;
    },
    welcome(frame: WelcomeFrame): void {
      verification = frame.visitor?.verification ?? 'anonymous';
      preChat = frame.preChatForm;
      lastPage = '';
      pendingRef = null;
      const asks = preChat?.enabled === true && verification === 'anonymous' && !skipped;
      if (asks && frame.conversations.length === 0) form = 'prechat';
      else if (form === 'prechat' || verification === 'signed') form = 'hidden';
      report();
    },
    /** A conversation exists now: the pre-chat form has had its turn. */
    started(): void {
      if (form === 'prechat' && !this.state.requireEmail) form = 'hidden';
    },
    requested(): void {
      // The site vouched for a signed visitor's name and email: nothing to ask.
      if (verification !== 'signed') form = 'requested';
    },
    /** false when nothing valid was given or the link is down. */
    share(name: string, email: string): boolean {
      const n = name.trim();
      const e = email.trim();
      if (!e && (!n || this.state.requireEmail)) return false;
      const ref = `contact${++refs}`;
      const sent = deps.send({
        type: 'contact.update',
        ref,
        ...(n ? { name: n } : {}),
        ...(e ? { email: e } : {}),
      });
      if (sent) {
        pendingRef = ref;
        error = null;
      }
      return sent;
    },
    /** An ack or error for contact.update: true when it was one. */
    settle(frame: AckFrame | ErrorFrame): boolean {
      if (pendingRef === null || frame.ref !== pendingRef) return false;
      pendingRef = null;
      if (frame.type === 'ack') {
        verification = frame.contact?.verification ?? 'self_declared';
        form = 'hidden';
      } else error = frame.code;
      return true;
    },
    /** "Not now": the form goes away for this page (the pre-chat one only when no email is required). */
    dismiss(): void {
      if (this.state.requireEmail) return;
      skipped = true;
      form = 'hidden';
      error = null;
    },
    /** The page may have changed: told to the server if it did and the link is up. */
    report,
    reset(): void {
      lastPage = '';
      pendingRef = null;
    },
  };
}

export type Contact = ReturnType<typeof createContact>;
