import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError } from '../errors';
import { keptPage, pagesDuringChat, PAGE_TITLE_MAX } from './pages';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : 'other';
  }
  return 'none';
};

describe('pages', () => {
  it('keeps http(s) pages without query, fragment or credentials', () => {
    assert.deepEqual(keptPage('https://u:p@shop.test:8443/cart?coupon=X#pay', ' My\n cart ', 5), {
      url: 'https://shop.test:8443/cart',
      title: 'My cart',
      at: 5,
    });
  });

  it('refuses other schemes and non-URLs', () => {
    assert.equal(
      code(() => keptPage('javascript:alert(1)', '', 0)),
      'bad_frame',
    );
    assert.equal(
      code(() => keptPage('file:///etc/passwd', '', 0)),
      'bad_frame',
    );
    assert.equal(
      code(() => keptPage('/relative', '', 0)),
      'bad_frame',
    );
  });

  it('caps the title', () => {
    assert.equal(keptPage('https://a.test/', 'x'.repeat(1000), 0).title.length, PAGE_TITLE_MAX);
  });

  it("a chat's pages: the one it started on, then those until it was resolved", () => {
    const p = (at: number) => ({ url: `https://a.test/${at}`, title: String(at), at });
    const pages = [p(50), p(10), p(20), p(40), p(5)];
    const open = { createdAt: 15, updatedAt: 30, status: 'open' as const };
    assert.deepEqual(pagesDuringChat(pages, open), [p(10), p(20), p(40), p(50)]);
    const resolved = { ...open, status: 'resolved' as const };
    assert.deepEqual(pagesDuringChat(pages, resolved), [p(10), p(20)]);
    assert.deepEqual(pagesDuringChat([], open), []);
  });
});
