import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RECOVERY_ANSWER_TTL_MS, SiteInfo } from './site-info';

function fakeStore(answers: (boolean | Error)[]) {
  const store = {
    reads: 0,
    hasHostAccounts: () => {
      const answer = answers[Math.min(store.reads++, answers.length - 1)];
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer ?? false);
    },
  };
  return store;
}

test('the verify page is absolute with a public URL, relative to this server without one', () => {
  const store = fakeStore([false]);
  const now = () => 0;
  assert.equal(
    new SiteInfo('Shop', { store, now, publicUrl: 'https://chat.shop.example' }).verifyUrl,
    'https://chat.shop.example/help/verify',
  );
  assert.equal(new SiteInfo('Shop', { store, now, publicUrl: undefined }).verifyUrl, '/help/verify');
});

test('whether recovery is offered is read once a minute per node, concurrent hellos sharing one read', async () => {
  const store = fakeStore([false, true]);
  let now = 1_000;
  const site = new SiteInfo('Shop', { store, now: () => now, publicUrl: undefined });
  const first = await Promise.all([site.welcome(), site.welcome(), site.welcome()]);
  assert.deepEqual(
    first.map((w) => w.recovery),
    [false, false, false],
  );
  assert.equal(store.reads, 1);
  now += RECOVERY_ANSWER_TTL_MS - 1;
  assert.equal((await site.welcome()).recovery, false);
  now += 1;
  assert.deepEqual(await site.welcome(), { name: 'Shop', verifyUrl: '/help/verify', recovery: true });
  assert.equal(store.reads, 2);
});

test('a failed read is not kept: the next hello asks again', async () => {
  const store = fakeStore([new Error('store down'), true]);
  const site = new SiteInfo('Shop', { store, now: () => 0, publicUrl: undefined });
  await assert.rejects(site.welcome(), /store down/);
  assert.equal((await site.welcome()).recovery, true);
});
