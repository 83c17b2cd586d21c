import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticleFile } from './article-file';

describe('sample article files', () => {
  it('reads the title, category and Markdown body; the slug is the file name', () => {
    assert.deepEqual(parseArticleFile('returns.md', 'title: Returns\ncategory: Orders\n\n# Hi\n\nText\n'), {
      slug: 'returns',
      title: 'Returns',
      category: 'Orders',
      body: '# Hi\n\nText',
    });
    assert.deepEqual(parseArticleFile('a.md', '\uFEFFtitle: A\r\n\r\nBody'), {
      slug: 'a',
      title: 'A',
      category: null,
      body: 'Body',
    });
  });

  it('says why a file cannot be loaded', () => {
    assert.ok('error' in parseArticleFile('Bad Name.md', 'title: x\n\nbody'));
    assert.ok('error' in parseArticleFile('a.md', 'title: x\nauthor: me\n\nbody'));
    assert.ok('error' in parseArticleFile('a.md', 'category: x\n\nbody'));
    assert.ok('error' in parseArticleFile('a.md', 'title: x\n\n'));
  });
});
