/** What the embedding `<script>` tag asks for, read once at startup. */
import { WS_PATHS } from '@candor/protocol';
import { pickLocale, type Locale } from './i18n';

export interface WidgetConfig {
  /** http(s) base of the Candor server, without a trailing slash. */
  server: string;
  locale: Locale;
  title: string | null;
  startOpen: boolean;
  /** The host site's identity token for its signed-in user (data-identity-token); null when none. */
  identityToken: string | null;
}

export interface ConfigSources {
  /** The script tag's attribute reader; null when the tag could not be found. */
  attr: (name: string) => string | null;
  scriptSrc: string | null;
  pageUrl: string;
  htmlLang: string | null;
  navigatorLanguage: string | null;
}

export function readConfig(src: ConfigSources): WidgetConfig {
  const explicit = src.attr('data-server');
  const base = explicit ? new URL(explicit, src.pageUrl).href : new URL(src.scriptSrc ?? src.pageUrl).origin;
  return {
    server: base.replace(/\/+$/, ''),
    locale: pickLocale([src.attr('data-locale'), src.htmlLang, src.navigatorLanguage]),
    title: src.attr('data-title'),
    startOpen: src.attr('data-open') === 'true',
    identityToken: src.attr('data-identity-token')?.trim() || null,
  };
}

/** Keeps any path prefix of `server`, so a Candor mounted under /chat still works behind a proxy. */
export function visitorSocketUrl(server: string): string {
  return server.replace(/^http/, 'ws') + WS_PATHS.visitor;
}
