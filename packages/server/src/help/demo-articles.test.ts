/**
 * The demo's sample articles: a fresh start loads every well-formed file of the folder, published, into
 * the help centre; malformed files are skipped with a reason; a knowledge base with any article is left
 * as the admins made it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../storage/sqlite/sqlite-store';
import { startTestServer, type TestServer } from '../testing/test-server';
import { loadDemoArticles } from './demo-articles';

const FIXTURES = fileURLToPath(new URL('./test-fixtures/help-articles', import.meta.url));

describe('demo help articles', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ demoArticlesDir: FIXTURES });
  });
  after(() => server.close());

  it('a fresh start with the demo shows the sample articles in the help centre of each language', async () => {
    const en = await (await fetch(`${server.url}/help`)).text();
    assert.match(
      en,
      /<h2>Orders<\/h2><ul><li><a href="\/help\/en\/where-is-my-order">Where is my order\?<\/a>/,
    );
    assert.match(
      en,
      /<a href="\/help\/en\/gift-cards">Gift cards<\/a>/,
      'no category: listed under other questions',
    );
    assert.doesNotMatch(en, /Not loaded/);
    const fr = await (await fetch(`${server.url}/help/fr`)).text();
    assert.match(fr, /<a href="\/help\/fr\/delai-de-remboursement">Délai de remboursement<\/a>/);
    assert.doesNotMatch(fr, /Sans corps/);
    const article = await (await fetch(`${server.url}/help/fr/delai-de-remboursement`)).text();
    assert.match(article, /<strong>14 jours<\/strong>/);
    assert.match(article, /<li>Après réception du colis<\/li>/);
  });

  it('loads nothing into a knowledge base that has articles, and says which files it skipped', async () => {
    const store = await openSqliteStore({ file: ':memory:' });
    try {
      await store.migrate();
      const first = await loadDemoArticles(store, FIXTURES, 1_750_000_000_000);
      assert.equal(first.loaded, 3);
      assert.deepEqual(first.skipped.length, 2);
      assert.ok(first.skipped.some((s) => s.includes('Bad_Name.md')));
      assert.ok(first.skipped.some((s) => s.includes('sans-corps.md')));
      const again = await loadDemoArticles(store, FIXTURES, 1_750_000_000_001);
      assert.equal(again.loaded, 0);
      assert.equal(await store.countArticles(), 3);
      const missing = await loadDemoArticles(store, `${FIXTURES}/nowhere`, 1);
      assert.equal(missing.loaded, 0);
    } finally {
      await store.close();
    }
  });
});
