/** The shop as its customers use it: log in, get locked out, change a contact, log out. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { postLogin, SHOP, testShop } from './test-shop';

describe('the example shop', () => {
  it('logs a customer in and out with a session cookie, and shows their account', async () => {
    const shop = await testShop();
    const { cookie, location, res } = await postLogin(shop.request, {
      username: 'chloe',
      password: 'chloe-lune-2026',
    });
    assert.equal(res.status, 303);
    assert.equal(location, '/');
    assert.match(res.headers.get('set-cookie') ?? '', /HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/);
    const page = await (await shop.request('/', { headers: { cookie: cookie! } })).text();
    assert.match(page, /Your account[\s\S]*chloe@example\.com/);
    await shop.request('/logout', { method: 'POST', headers: { cookie: cookie! } });
    const after = await (await shop.request('/', { headers: { cookie: cookie! } })).text();
    assert.match(after, /Log in/);
    assert.doesNotMatch(after, /Your account/);
  });

  it('locks an account after five wrong passwords; then even the right one is refused', async () => {
    const shop = await testShop();
    const tries = [];
    for (let i = 0; i < 5; i++)
      tries.push((await postLogin(shop.request, { username: 'chloe', password: 'wrong' })).location);
    assert.deepEqual(tries, [...Array<string>(4).fill('/?notice=wrong'), '/?notice=locked']);
    const right = await postLogin(shop.request, { username: 'chloe', password: 'chloe-lune-2026' });
    assert.equal(right.location, '/?notice=locked');
    assert.equal(right.cookie, undefined);
    const page = await (await shop.request('/?notice=locked')).text();
    assert.match(page, /This account is locked\. Open the chat and choose “I can’t access my account”/);
  });

  it('answers an unknown username as it answers a wrong password', async () => {
    const shop = await testShop();
    const nobody = await postLogin(shop.request, { username: 'nobody', password: 'x' });
    const wrong = await postLogin(shop.request, { username: 'bob', password: 'x' });
    assert.equal(nobody.location, wrong.location);
  });

  it('asks for the authenticator code when two-step verification is on', async () => {
    const shop = await testShop();
    const form = { username: 'bob', password: 'bob-lune-2026' };
    assert.equal((await postLogin(shop.request, form)).location, '/?notice=code_needed');
    assert.ok((await postLogin(shop.request, { ...form, code: '246810' })).cookie);
  });

  it('changes a logged-in customer’s email (checked as Candor checks it), and tells the listeners', async () => {
    const shop = await testShop();
    const seen: string[] = [];
    shop.book.onChange((a) => seen.push(a.email));
    const { cookie } = await postLogin(shop.request, { username: 'chloe', password: 'chloe-lune-2026' });
    const post = (email: string) =>
      shop.request('/account/email', {
        method: 'POST',
        headers: { cookie: cookie!, origin: SHOP },
        body: new URLSearchParams({ email }),
      });
    assert.equal((await post('not an email')).headers.get('location'), '/?notice=bad_email');
    assert.equal((await post('Chloe@Example.org')).headers.get('location'), '/?notice=saved');
    assert.deepEqual(seen, ['chloe@example.org']);
  });

  it('refuses a form posted from another site', async () => {
    const shop = await testShop();
    const res = await shop.request('/demo/lock/u-1003', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(res.status, 403);
    assert.equal(shop.book.find('u-1003')?.locked, false);
  });

  it('escapes what customers typed', async () => {
    const shop = await testShop();
    shop.activity.add('<img src=x onerror=alert(1)>');
    const page = await (await shop.request('/')).text();
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!page.includes('<img src=x'));
  });
});
