/**
 * The widget's DOM inside an open shadow root: launcher, panel, and the wiring from the visitor's
 * keys and clicks to the chat. Elements carry `data-candor` names so tests can drive them.
 */
import type { Chat } from './chat';
import { queueText, rateLimitText, type Strings } from './i18n';
import { createMessageList } from './message-list';
import { createContactForm, createPrivacyNote } from './contact-view';
import { backText } from './hours-text';
import { createLeaveFields, createTranscriptForm } from './mail-view';
import { createRatingForm } from './rating-view';
import type { CreateHelpView } from './help-view';
import { loadPart } from './lazy';
import { looksLikeCode } from './recovery';
import { createRecoveryView } from './recovery-view';
import type { Notice } from './preview';
import { CSS } from './styles';
import { items } from './timeline';

export interface View {
  open(focus?: boolean): void;
  close(): void;
  toggle(): void;
}

const ICON_CHAT = '<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/>';
const ICON_CLOSE = '<path d="M6 6l12 12M18 6L6 18"/>';
const ICON_SEND = '<path d="M4 12l16-8-6 16-2.5-6.5z"/>';

function node<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k] ?? '');
  e.append(...children);
  return e;
}

function icon(paths: string): SVGElement {
  const t = document.createElement('template');
  t.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${paths}</svg>`;
  return t.content.firstChild as SVGElement;
}

function applyCss(root: ShadowRoot): void {
  // A constructed sheet is not subject to the page's CSP style-src, where an inline <style> may be.
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else root.append(node('style', {}, CSS));
}

export function mountView(
  host: HTMLElement,
  chat: Chat,
  s: Strings & { title: string; server: string },
): View {
  // Where the help articles the bot links to are.
  const base = `${new URL(s.server).origin}/`;
  const shadow = host.attachShadow({ mode: 'open' });
  applyCss(shadow);

  const launcher = node(
    'button',
    { type: 'button', class: 'launcher', 'data-candor': 'launcher' },
    icon(ICON_CHAT),
  );
  const close = node(
    'button',
    { type: 'button', class: 'icon', 'data-candor': 'close', 'aria-label': s.close },
    icon(ICON_CLOSE),
  );
  const log = node('div', {
    class: 'log',
    'data-candor': 'messages',
    role: 'log',
    'aria-live': 'polite',
    'aria-label': s.messages,
    'data-empty': s.greeting,
    // Scrollable regions must be reachable by keyboard.
    tabindex: '0',
  });
  const note = node('p', { class: 'note', 'data-candor': 'note' }, s.resolved);
  const status = node('p', { class: 'status', 'data-candor': 'status', role: 'status' });
  // Its own live region: a new place in the queue is announced without waiting for the status line.
  const queueLine = node('p', { class: 'queue', 'data-candor': 'queue', role: 'status', hidden: '' });
  const input = node('textarea', {
    'data-candor': 'input',
    rows: '1',
    'aria-label': s.input,
    placeholder: s.input,
  });
  const send = node(
    'button',
    { type: 'submit', class: 'send', 'data-candor': 'send', 'aria-label': s.send },
    icon(ICON_SEND),
  );
  const form = node('form', {}, input, send);
  // A note, not a live region: it is read in place, not announced on every render.
  const previewText = node('span', {});
  const previewToggle = node('button', { type: 'button', 'data-candor': 'preview-toggle' });
  const previewNotice = node(
    'div',
    { class: 'preview', 'data-candor': 'preview-notice', role: 'note', hidden: '' },
    previewText,
    ' ',
    previewToggle,
  );
  const contactForm = createContactForm(node, chat, s);
  const ratingForm = createRatingForm(node, chat, s);
  const hoursLine = node('p', { class: 'queue', 'data-candor': 'hours', role: 'status', hidden: '' });
  // Said before the bot's first answer and while it answers; the button is there as long as it is.
  const person = node('button', { type: 'button', 'data-candor': 'bot-person' }, s.botPerson);
  const botLine = node(
    'p',
    { class: 'queue bot', 'data-candor': 'bot-notice', role: 'note', hidden: '' },
    s.botNotice,
    ' ',
    person,
  );
  const recovery = createRecoveryView(node, chat, s, { server: s.server, started: () => input.focus() });
  const leave = createLeaveFields(node, chat, s);
  const transcript = createTranscriptForm(node, chat, s, leave.email);
  const tab = (id: string, text: string) =>
    node('button', { type: 'button', role: 'tab', id: `t${id}`, 'aria-controls': `p${id}` }, text);
  const tabs = [tab('c', s.tabChat), tab('h', s.tabHelp)];
  // Filled on first show by widget-help.js; until then (or if it cannot load) it says why it is empty.
  const helpPane = node('div', { class: 'pane', role: 'tabpanel', id: 'ph', 'aria-labelledby': 'th' });
  let helpInput: HTMLElement | null = null;
  let helpLoading: Promise<unknown> | null = null;
  /** The tab was chosen by a click or Enter before the search box existed: it gets the focus when it does. */
  let focusHelp = false;
  const loadHelp = () =>
    loadPart<CreateHelpView>(`${s.server}/widget-help.js`).then(
      (create) => {
        const help = create(node, s, s.server, (query, context) => {
          chat.helpContext(context);
          if (!input.value) input.value = query;
          show(0);
        });
        helpPane.replaceChildren(...help.nodes);
        helpInput = help.input;
        if (focusHelp && shown === 1) helpInput.focus();
      },
      () => {
        helpLoading = null;
        helpPane.replaceChildren(node('p', { class: 'status', role: 'status' }, s.helpFailed));
      },
    );
  const tablist = node('div', { role: 'tablist' }, ...tabs);
  const chatPane = node(
    'div',
    { class: 'pane', role: 'tabpanel', id: 'pc', 'aria-labelledby': 'tc' },
    recovery.banner,
    log,
    note,
    ...ratingForm.nodes,
    transcript.form,
    hoursLine,
    botLine,
    queueLine,
    status,
    previewNotice,
    contactForm.form,
    ...recovery.nodes,
    leave.box,
    form,
    createPrivacyNote(node, s),
  );
  const panel = node(
    'section',
    {
      class: 'panel',
      id: 'panel',
      'data-candor': 'panel',
      role: 'dialog',
      'aria-label': s.title,
      hidden: '',
    },
    node('div', { class: 'head' }, node('h2', {}, s.title), close),
    tablist,
    chatPane,
    helpPane,
  );
  launcher.setAttribute('aria-controls', 'panel');
  const root = node('div', { class: 'root' }, panel, launcher);
  shadow.append(root);

  let isOpen = false;
  /** 0: Chat, 1: Help. The chat connects only while its tab is shown in the open panel. */
  let shown = 0;

  function show(i: number, focus = true): void {
    shown = i;
    tabs.forEach((t, j) => {
      t.setAttribute('aria-selected', String(i === j));
      t.tabIndex = i === j ? 0 : -1;
    });
    chatPane.hidden = i > 0;
    helpPane.hidden = i < 1;
    focusHelp = focus && i > 0 && !helpInput;
    if (i > 0) helpLoading ??= loadHelp();
    chat.setOpen(isOpen && i < 1);
    // The Help tab's search box once it is there; its tab until then (focused again when loaded).
    if (focus) (i ? (helpInput ?? tabs[1]) : input)?.focus();
  }
  let seenAgentMessages = 0;
  /** A refusal shown until the visitor edits the draft. */
  let notice = '';
  /** The draft that looked like a code and was held once with the warning: sent if sent again. */
  let heldCode: string | null = null;
  const codeLike = (text: string) =>
    chat.state.timeline.conversation?.recovery === true && looksLikeCode(text);
  const renderList = createMessageList(
    log,
    s,
    (action, key) => {
      if (action === 'retry') chat.retry(key);
      else if (action === 'yes' || action === 'no') chat.botFeedback(key, action === 'yes');
      else {
        chat.discard(key);
        // The button is gone with its row: keep the keyboard in the panel.
        input.focus();
      }
    },
    { base, site: () => chat.state.site },
  );

  function render(): void {
    const state = chat.state;
    const timeline = state.timeline;
    const link = state.link;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    const added = renderList(items(timeline));
    if (added && atBottom) log.scrollTop = log.scrollHeight;
    note.hidden = timeline.conversation?.status !== 'resolved';
    const text =
      link === 'outdated'
        ? s.outdated
        : link === 'signin'
          ? s.signin
          : link === 'unavailable'
            ? s.unavailable
            : state.limitedMs !== null
              ? rateLimitText(s, state.limitedMs)
              : notice || (link === 'reconnecting' ? s.reconnecting : state.agentTyping ? s.agentTyping : '');
    if (status.textContent !== text) status.textContent = text;
    const waiting = state.handedOver ? s.handedOver : state.queue ? queueText(s, state.queue) : '';
    if (queueLine.textContent !== waiting) queueLine.textContent = waiting;
    queueLine.hidden = waiting === '';
    const h = state.hours;
    const back = h && !h.open && h.nextOpening ? backText(s, h.nextOpening, Date.now()) : '';
    if (hoursLine.textContent !== back) hoursLine.textContent = back;
    hoursLine.hidden = back === '';
    botLine.hidden = !state.botActive;
    person.hidden = !timeline.conversationId;
    ratingForm.render();
    transcript.render();
    leave.render();
    // Not pretending: a site the server does not serve gets no input to type into.
    // The pre-chat form stands in for the message box until it is answered (or skipped).
    const preChat = contactForm.render();
    const recovering = recovery.render();
    // One form at a time: the recovery form, while open, stands in for the contact form too.
    if (recovering) contactForm.form.hidden = true;
    form.hidden = link === 'unavailable' || link === 'signin' || preChat || recovering;
    if (isOpen) seenAgentMessages = state.agentMessages;
    const unread = state.agentMessages > seenAgentMessages;
    launcher.toggleAttribute('data-unread', unread);
    launcher.setAttribute('aria-label', isOpen ? s.hide : unread ? s.openUnread : s.open);
    launcher.setAttribute('aria-expanded', String(isOpen));
    renderPreview(state.preview);
  }

  function renderPreview(p: Notice): void {
    previewNotice.hidden = p === 'hidden';
    if (p === 'hidden' || previewNotice.dataset.preview === p) return;
    const on = p === 'on';
    previewNotice.dataset.preview = p;
    previewText.textContent = on ? s.previewOn : s.previewOff;
    // The visible words start the accessible name (label in name); the rest says what they switch.
    previewToggle.replaceChildren(
      on ? s.previewTurnOff : s.previewTurnOn,
      node('span', { class: 'sr' }, ` ${s.previewWhat}`),
    );
    previewToggle.setAttribute('aria-pressed', String(on));
  }

  function open(focus = true): void {
    isOpen = true;
    panel.hidden = false;
    root.toggleAttribute('data-open', true);
    render();
    // Told after the render (by show): the notice is on screen before any draft may leave.
    show(shown, focus);
    log.scrollTop = log.scrollHeight;
  }

  function hide(): void {
    const hadFocus = shadow.activeElement !== null;
    isOpen = false;
    panel.hidden = true;
    chat.setOpen(false);
    root.toggleAttribute('data-open', false);
    render();
    // Only give focus back if it was ours: an API close must not pull focus away from the page.
    if (hadFocus) launcher.focus();
  }

  function submit(): void {
    const text = input.value;
    if (!text.trim()) return;
    // Warned, not blocked: the first try with what looks like a code is held, the next one goes.
    if (codeLike(text) && heldCode !== text) {
      heldCode = text;
      notice = s.codeInMessage;
      return render();
    }
    if (leave.render() ? leave.send(text) : chat.send(text)) {
      input.value = '';
      notice = '';
      heldCode = null;
    } else notice = s.tooLong;
    render();
    log.scrollTop = log.scrollHeight;
  }

  launcher.addEventListener('click', () => (isOpen ? hide() : open()));
  tabs.forEach((t, i) => t.addEventListener('click', () => show(i)));
  // Arrow keys move between the two tabs (the ARIA tabs pattern); Tab goes on into the panel.
  tablist.addEventListener('keydown', (ev) => {
    if (!ev.key.startsWith('Arrow')) return;
    show(1 - shown, false);
    tabs[shown]?.focus();
  });
  previewToggle.addEventListener('click', () => chat.setPreview(chat.state.preview !== 'on'));
  person.addEventListener('click', () => chat.askPerson());
  close.addEventListener('click', hide);
  root.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && isOpen) {
      ev.preventDefault();
      hide();
    }
  });
  input.addEventListener('keydown', (ev) => {
    // isComposing: Enter also confirms an IME candidate (Japanese, Chinese…) and must not send then.
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', () => {
    chat.draft(input.value);
    const warn = codeLike(input.value) ? s.codeInMessage : '';
    if (notice !== warn) {
      notice = warn;
      render();
    }
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    submit();
    input.focus();
  });
  chat.onChange(render);
  render();
  show(0, false);

  return { open, close: hide, toggle: () => (isOpen ? hide() : open()) };
}
