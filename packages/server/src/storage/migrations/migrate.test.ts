/**
 * Migrating on a PostgreSQL database where others come and go: Kysely scans every schema of the database
 * before taking its lock, and a schema dropped during that scan must not fail a node's start.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import {
  adminQuery,
  describeWithPostgres,
  freshSchema,
  TEST_DATABASE_URL,
} from '../../testing/postgres-test-db';
import { openPostgresStore } from '../postgres/postgres-store';
import { OneSchemaPostgresDialect } from '../postgres/schema-introspector';
import { Kysely } from 'kysely';
import { Pool } from 'pg';

describeWithPostgres('migrations beside schemas being dropped (PostgreSQL)', () => {
  it('start every node although other schemas are dropped meanwhile', async () => {
    let churning = true;
    const churn = async () => {
      while (churning) {
        const other = freshSchema();
        await adminQuery(`create schema ${other}; create table ${other}.t (id serial primary key, n int)`);
        await adminQuery(`drop schema ${other} cascade`);
      }
    };
    const churners = [churn(), churn(), churn()];
    const schemas = Array.from({ length: 6 }, () => freshSchema());
    try {
      for (const schema of schemas) {
        const store = await openPostgresStore({ url: TEST_DATABASE_URL, schema });
        try {
          await store.migrate();
          await store.migrate(); // the second start finds Kysely's tables in place
          assert.equal(await store.countAgents(), 0);
        } finally {
          await store.close();
        }
      }
    } finally {
      churning = false;
      await Promise.all(churners);
      for (const schema of schemas) await adminQuery(`drop schema if exists ${schema} cascade`);
    }
  });

  it('sees the tables of its own schema only', async () => {
    const [ours, theirs] = [freshSchema(), freshSchema()];
    await adminQuery(`create schema ${ours}; create table ${ours}.a (id serial primary key, note text)`);
    await adminQuery(`create schema ${theirs}; create table ${theirs}.b (id int)`);
    const db = new Kysely<unknown>({
      dialect: new OneSchemaPostgresDialect(
        { pool: new Pool({ connectionString: TEST_DATABASE_URL }) },
        ours,
      ),
    });
    try {
      const tables = await db.introspection.getTables();
      assert.deepEqual(
        tables.map((t) => [
          t.schema,
          t.name,
          t.columns.map((c) => [c.name, c.isNullable, c.isAutoIncrementing]),
        ]),
        [
          [
            ours,
            'a',
            [
              ['id', false, true],
              ['note', true, false],
            ],
          ],
        ],
      );
    } finally {
      await db.destroy();
      await adminQuery(`drop schema ${ours} cascade; drop schema ${theirs} cascade`);
    }
  });
});
