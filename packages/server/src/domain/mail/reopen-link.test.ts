import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reopenLink } from './reopen-link';

const allowed = (origin: string) => origin === 'https://shop.example';
const candorPage = 'https://chat.example/';

describe('reopen link', () => {
  it("points to the visitor's last page when its origin is allowed, with the token in the fragment", () => {
    const pages = [
      { url: 'https://shop.example/old', title: '', at: 1 },
      { url: 'https://shop.example/cart', title: '', at: 5 },
    ];
    assert.equal(
      reopenLink('t/ok', { pages, allowedOrigin: allowed, candorPage }),
      'https://shop.example/cart#candor-reopen=t%2Fok',
    );
  });

  it("falls back to Candor's page for other origins, or when no page is known", () => {
    const pages = [{ url: 'https://evil.example/phish', title: '', at: 9 }];
    assert.equal(
      reopenLink('t', { pages, allowedOrigin: allowed, candorPage }),
      'https://chat.example/#candor-reopen=t',
    );
    assert.equal(
      reopenLink('t', { pages: [], allowedOrigin: allowed, candorPage }),
      'https://chat.example/#candor-reopen=t',
    );
  });
});
