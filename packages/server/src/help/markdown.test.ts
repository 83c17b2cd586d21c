import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleExcerpt, articleText, renderArticle } from './markdown';

/** What a reader's browser would run or load from the HTML: any of these is a hole. */
function assertInert(html: string): void {
  // Real tags only: escaped text (&lt;img onerror=...&gt;) is harmless words on the page.
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    assert.match(
      tag,
      /^<(p|a|strong|em|code|pre|ul|ol|li|h[2-6]|blockquote|hr|br|table|thead|tbody|tr|th|td|s)[\s>]/,
    );
    const attributes = tag.replace(/^<[a-z0-9]+/i, '').replace(/\/?>$/, '');
    // Every attribute is name="value" (values are escaped: a quote inside cannot end them early).
    const names = [...attributes.matchAll(/\s([a-z-]+)="[^"]*"/gi)].map((m) => m[1]);
    assert.equal(
      attributes.replace(/\s([a-z-]+)="[^"]*"/gi, '').trim(),
      '',
      `only quoted attributes: ${tag}`,
    );
    for (const name of names) assert.ok(['href', 'rel', 'title', 'class', 'start'].includes(name ?? ''), tag);
    const href = /href="([^"]*)"/.exec(tag)?.[1];
    if (href !== undefined) assert.match(href, /^(https?:\/\/|mailto:|\/help\/)/, `safe link in ${tag}`);
  }
}

describe('article Markdown', () => {
  it('renders what an author writes: headings under the page title, lists, emphasis, links', () => {
    const html = renderArticle(
      '# Returns\n\nYou have **30 days**.\n\n- Pack it\n- [Print the label](https://shop.example/label)',
    );
    assert.match(html, /<h2>Returns<\/h2>/);
    assert.match(html, /<strong>30 days<\/strong>/);
    assert.match(html, /<li>Pack it<\/li>/);
    assert.match(
      html,
      /<a href="https:\/\/shop\.example\/label" rel="noopener noreferrer nofollow">Print the label<\/a>/,
    );
  });

  it('turns bare addresses and emails into safe links', () => {
    const html = renderArticle('See www.example.com or write to help@example.com');
    assert.match(html, /<a href="http:\/\/www\.example\.com" rel="noopener noreferrer nofollow">/);
    assert.match(html, /<a href="mailto:help@example\.com" rel="noopener noreferrer nofollow">/);
  });

  it('shows raw HTML as text: script, event handlers, iframes never reach the page', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">click</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(1)>',
      '<div style="background:url(javascript:alert(1))">x</div>',
      '<<script>script>alert(1)<</script>/script>',
    ];
    for (const input of hostile) {
      const html = renderArticle(input);
      assertInert(html);
      assert.match(html, /&lt;/, `${input} is shown as text`);
    }
    assert.match(renderArticle('<script>alert(1)</script>'), /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('refuses links that are not http, https or mailto, however they are spelt', () => {
    const hostile = [
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '[click](  javascript:alert(1))',
      '[click](&#106;avascript:alert(1))',
      '[click](java%0ascript:alert(1))',
      '[click](<java\nscript:alert(1)>)',
      '[click](vbscript:msgbox(1))',
      '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[click](file:///etc/passwd)',
      '[click](//evil.example/x)',
      '<javascript:alert(1)>',
      '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
      '![x](https://tracker.example/pixel.gif)',
      '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
    ];
    for (const input of hostile) {
      const html = renderArticle(input);
      assertInert(html);
      for (const href of html.matchAll(/href="([^"]*)"/g)) {
        assert.match(href[1] ?? '', /^(https?:\/\/|mailto:|\/help\/)/, `${input} -> ${html}`);
      }
    }
    assert.doesNotMatch(renderArticle('[click](javascript:alert(1))'), /<a /);
  });

  it('links to other help pages of the site', () => {
    assert.match(renderArticle('[Refunds](/help/en/refunds)'), /<a href="\/help\/en\/refunds"/);
  });

  it('gives the plain words for excerpts, cut at a word', () => {
    assert.equal(
      articleText('# Title\n\nSome **bold** and `code`.\n\n- a\n- b'),
      'Title Some bold and code. a b',
    );
    assert.equal(articleText('<b>hi</b>'), '<b>hi</b>', 'raw HTML stays visible text');
    const excerpt = articleExcerpt('word '.repeat(100), 30);
    assert.ok(excerpt.length <= 31);
    assert.ok(excerpt.endsWith('word…'));
  });
});
