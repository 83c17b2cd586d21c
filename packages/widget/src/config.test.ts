import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readConfig, visitorSocketUrl, type ConfigSources } from './config';

function sources(attrs: Record<string, string>, patch: Partial<ConfigSources> = {}): ConfigSources {
  return {
    attr: (name) => attrs[name] ?? null,
    scriptSrc: 'https://chat.example.com/widget.js',
    pageUrl: 'https://shop.example.org/cart',
    htmlLang: null,
    navigatorLanguage: 'en-US',
    ...patch,
  };
}

describe('config from the script tag', () => {
  it('talks to the origin the script was loaded from by default', () => {
    assert.equal(readConfig(sources({})).server, 'https://chat.example.com');
  });

  it('prefers data-server, keeping its path and dropping a trailing slash', () => {
    assert.equal(
      readConfig(sources({ 'data-server': 'https://x.test/support/' })).server,
      'https://x.test/support',
    );
  });

  it('reads the locale, title and start-open flag', () => {
    const c = readConfig(sources({ 'data-locale': 'fr', 'data-title': 'Aide', 'data-open': 'true' }));
    assert.deepEqual([c.locale, c.title, c.startOpen], ['fr', 'Aide', true]);
    assert.equal(readConfig(sources({}, { htmlLang: 'fr' })).locale, 'fr');
  });

  it('maps http to ws and https to wss for the visitor socket', () => {
    assert.equal(visitorSocketUrl('https://x.test/support'), 'wss://x.test/support/ws/visitor');
    assert.equal(visitorSocketUrl('http://localhost:3000'), 'ws://localhost:3000/ws/visitor');
  });
});
