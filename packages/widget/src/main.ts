/**
 * Bootstrap: read the embedding tag, mount the widget on `<div id="candor-widget">`, resume the chat if
 * this browser has one, and expose `window.Candor` (whose `open()` starts it). Runs once even if the
 * tag is pasted twice.
 */
import { createChat } from './chat';
import { pageFacts } from './contact';
import { readConfig, visitorSocketUrl } from './config';
import { STRINGS } from './i18n';
import { browserStore } from './storage';
import { mountView, type View } from './view';

declare global {
  interface Window {
    Candor?: { open(): void; close(): void; toggle(): void; identify(token: string): void };
  }
}

// Read now: currentScript is only set while this script is first evaluated.
const script =
  (document.currentScript as HTMLScriptElement | null) ??
  document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');

function boot(): void {
  if (document.getElementById('candor-widget')) return;
  const config = readConfig({
    attr: (name) => script?.getAttribute(name) ?? null,
    scriptSrc: script?.src || null,
    pageUrl: location.href,
    htmlLang: document.documentElement.lang || null,
    navigatorLanguage: navigator.language || null,
  });
  const strings = STRINGS[config.locale];
  // A reply email's link: its token is used once, by the next hello, and taken out of the address bar
  // (the host page's own history state is kept).
  const reopenToken = location.hash.split('candor-reopen=')[1] || null;
  if (reopenToken) history.replaceState(history.state, '', location.pathname + location.search);
  const chat = createChat({
    url: visitorSocketUrl(config.server),
    WebSocket,
    store: browserStore(new URL(config.server).origin),
    locale: config.locale,
    statusUrl: `${config.server}/api/v1/widget/status`,
    identityToken: config.identityToken,
    reopenToken,
    // What the privacy note lists, and nothing more.
    browser: {
      language: navigator.language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
    page: () => pageFacts(location.href, document.title),
  });
  const host = document.createElement('div');
  host.id = 'candor-widget';
  document.body.append(host);
  const view: View = mountView(host, chat, {
    ...strings,
    title: config.title ?? strings.title,
    server: config.server,
  });
  window.Candor = {
    open: () => view.open(),
    close: () => view.close(),
    toggle: () => view.toggle(),
    identify: (token: string) => chat.identify(token),
  };
  // Single-page sites change the page without a load: checked every 2 s (nothing is sent unless it
  // changed and the chat is connected) and on history navigation.
  setInterval(() => chat.pageChanged(), 2000);
  addEventListener('popstate', () => chat.pageChanged());
  // Waiting out a long backoff after the network or the tab comes back would look broken.
  addEventListener('online', () => chat.wake());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') chat.wake();
  });
  // A page view alone opens no socket and stores nothing: the chat connects when the visitor opens it,
  // or now if this browser already has a conversation (so replies and unread counts arrive).
  chat.resume();
  // Not focused: opening by itself must not take the page's focus away from the visitor.
  if (config.startOpen || reopenToken) view.open(false);
}

if (document.body) boot();
else document.addEventListener('DOMContentLoaded', boot);
