import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_LINK_LENGTH, splitLinks } from './links';

const links = (body: string) => splitLinks(body).filter((p) => p.href !== undefined);
const joined = (body: string) =>
  splitLinks(body)
    .map((p) => p.text)
    .join('');

describe('splitLinks', () => {
  it('links http, https and mailto addresses, and gives the text back whole', () => {
    const body = 'See https://example.com/a?b=1#c or http://shop.example.fr, or mailto:help@example.com.';
    assert.deepEqual(links(body), [
      { text: 'https://example.com/a?b=1#c', href: 'https://example.com/a?b=1#c' },
      { text: 'http://shop.example.fr', href: 'http://shop.example.fr/' },
      { text: 'mailto:help@example.com', href: 'mailto:help@example.com' },
    ]);
    assert.equal(joined(body), body);
  });

  it('accepts schemes in any case, and normalises the href', () => {
    assert.deepEqual(links('HTTPS://Example.COM/Path'), [
      { text: 'HTTPS://Example.COM/Path', href: 'https://example.com/Path' },
    ]);
  });

  it('leaves every other scheme as text', () => {
    for (const body of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com/file',
      'tel:+33123456789',
      'blob:https://example.com/uuid',
    ]) {
      assert.deepEqual(links(body), [], body);
      assert.equal(joined(body), body);
    }
  });

  it('does not link a scheme glued to another one or to a word (spoofed schemes)', () => {
    for (const body of [
      'javascript:https://example.com',
      'javascript://https://example.com',
      'xhttps://example.com',
      'evilhttp://example.com',
      'data:https://example.com',
      'java\u0000script:https://example.com',
    ]) {
      const found = links(body);
      assert.ok(
        found.every((p) => !/^(javascript|data|x|evil)/i.test(p.text)),
        body,
      );
      assert.ok(
        found.every((p) => p.href!.startsWith('https://')),
        body,
      );
      assert.equal(joined(body), body);
    }
    assert.deepEqual(links('javascript:https://example.com'), []);
    assert.deepEqual(links('xhttps://example.com'), []);
  });

  it('refuses addresses that carry credentials, which exist to show one host and open another', () => {
    assert.deepEqual(links('https://bank.example.com@evil.example/login'), []);
    assert.deepEqual(links('https://bank.example.com:pw@evil.example/'), []);
    assert.deepEqual(links('https://bank.example%2Fx@evil.example/'), []);
  });

  it('needs a real host for http(s) and an address for mailto', () => {
    for (const body of [
      'https://',
      'https://nohost',
      'http:///x',
      'mailto:',
      'mailto:nobody',
      'mailto:?subject=x',
    ])
      assert.deepEqual(links(body), [], body);
    assert.equal(links('mailto:a@b.example?subject=Hi')[0]?.href, 'mailto:a@b.example?subject=Hi');
  });

  it('stops at spaces, quotes, angle brackets and invisible or bidi characters', () => {
    assert.equal(links('https://a.example/x"onclick="alert(1)')[0]?.text, 'https://a.example/x');
    assert.equal(links('<https://a.example/x>')[0]?.text, 'https://a.example/x');
    assert.equal(links('https://a.example/pay\u202eexe.gpj')[0]?.text, 'https://a.example/pay');
    assert.equal(links('https://a.example/\u200bhidden')[0]?.text, 'https://a.example/');
    assert.equal(links('https://a.example/⟦RLO⟧x')[0]?.text, 'https://a.example/');
    assert.equal(links('https://a.example/x\u00a0y')[0]?.text, 'https://a.example/x');
  });

  it('leaves sentence punctuation out and keeps balanced parentheses in', () => {
    assert.equal(links('(see https://a.example/x).')[0]?.text, 'https://a.example/x');
    assert.equal(
      links('https://en.wikipedia.org/wiki/Foo_(bar)!')[0]?.text,
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    );
    assert.equal(links('Go to https://a.example, then…')[0]?.text, 'https://a.example');
  });

  it('punycodes unicode hosts in the href and shows the text as written; fullwidth schemes stay text', () => {
    const [link] = links('https://аpple.com/x'); // Cyrillic а
    assert.equal(link?.text, 'https://аpple.com/x');
    assert.match(link?.href ?? '', /^https:\/\/xn--/);
    assert.deepEqual(links('ｈｔｔｐｓ://example.com'), []);
    assert.equal(links('https://café.example/é')[0]?.href, 'https://xn--caf-dma.example/%C3%A9');
  });

  it('leaves a very long address as text, and a very long body costs one pass', () => {
    const long = `https://a.example/${'x'.repeat(MAX_LINK_LENGTH)}`;
    assert.deepEqual(links(long), []);
    assert.equal(joined(long), long);
    const many = 'https://a.example/ '.repeat(5_000) + 'h'.repeat(100_000);
    assert.equal(links(many).length, 5_000);
    assert.equal(joined(many), many);
    const glued = 'xhttps://'.repeat(20_000);
    assert.deepEqual(links(glued), []);
    assert.equal(joined(glued), glued);
  });

  it('returns one text part for a body without links, including the empty one', () => {
    assert.deepEqual(splitLinks('hello'), [{ text: 'hello' }]);
    assert.deepEqual(splitLinks(''), [{ text: '' }]);
  });
});
