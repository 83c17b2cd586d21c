import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { Pool } from 'pg';
import { describeWithPostgres, TEST_DATABASE_URL } from '../../testing/postgres-test-db';
import { NamedStatements } from './named-statements';

describeWithPostgres('named statements (PostgreSQL)', () => {
  const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  after(() => pool.end());

  it('prepares the statements it was given once per connection, and only those', async () => {
    const named = new NamedStatements();
    const hot = 'select $1::int + 1 as n';
    named.add(hot);
    const client = await named.pool(pool).connect();
    try {
      for (const n of [1, 2, 3]) {
        const { rows } = await client.query<{ n: number }>(hot, [n]);
        assert.deepEqual(rows, [{ n: n + 1 }]);
      }
      await client.query('select $1::int as other', [7]);
      const { rows } = await client.query<{ statement: string }>(
        'select statement from pg_prepared_statements order by statement',
        [],
      );
      assert.deepEqual(
        rows.map((row) => row.statement),
        [hot],
      );
    } finally {
      client.release();
    }
  });
});
