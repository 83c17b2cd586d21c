/** The identity token the shop signs is what Candor's own verifier accepts (imported from the server). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verifyIdentityToken } from '../../../packages/server/src/auth/identity-token';
import { signIdentityToken } from './identity-token';
import { postLogin, testShop } from './test-shop';

const SECRET = 'an-inbox-identity-secret-of-32-chars-or-more';

describe('signed identity', () => {
  it('Candor’s verifier accepts the shop’s token, with its user id, email and name', async () => {
    const now = Date.now();
    const token = signIdentityToken(
      SECRET,
      { sub: 'u-1003', email: 'chloe@example.com', name: 'Chloé' },
      now,
    );
    const claims = await verifyIdentityToken(token, SECRET, now);
    assert.deepEqual(
      { ...claims, expiresAt: undefined },
      { sub: 'u-1003', email: 'chloe@example.com', name: 'Chloé', expiresAt: undefined },
    );
    assert.ok(claims.expiresAt <= now + 10 * 60_000, 'exp at most 10 minutes ahead');
    await assert.rejects(verifyIdentityToken(token, `${SECRET}-other`, now), /signature/);
    await assert.rejects(verifyIdentityToken(token, SECRET, now + 11 * 60_000), /expired/);
  });

  it('the page of a logged-in customer embeds the widget with a fresh token; a visitor’s is unsigned', async () => {
    const shop = await testShop({ identitySecret: SECRET });
    const tokenOf = async (cookie?: string) => {
      const page = await (await shop.request('/', cookie ? { headers: { cookie } } : {})).text();
      assert.match(page, /<script\s+src="http:\/\/candor\.test\/widget\.js"/);
      return /data-identity-token="([^"]+)"/.exec(page)?.[1];
    };
    assert.equal(await tokenOf(), undefined, 'logged out: unsigned');
    const { cookie } = await postLogin(shop.request, { username: 'chloe', password: 'chloe-lune-2026' });
    const first = await tokenOf(cookie);
    const second = await tokenOf(cookie);
    assert.ok(first && second);
    assert.notEqual(first, second, 'each page view signs its own (Candor accepts each token once)');
    assert.equal((await verifyIdentityToken(first, SECRET, Date.now())).sub, 'u-1003');
  });
});
