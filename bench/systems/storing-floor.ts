/**
 * The stores of the storing floor (bare-relay.ts with a FrameStore): the frame's bytes as text in one
 * table row, one row per commit, through the bare driver, with the durability Candor asks for (SQLite:
 * WAL, synchronous=FULL; PostgreSQL: its default, synchronous_commit on). No grouping of commits: at a
 * fixed rate of 200 messages/s there is seldom a second message to group with.
 */
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { startBareRelay, type FrameStore } from './bare-relay';

const TABLE =
  'relayed (id bigserial primary key, conversation text not null, frame text not null, at bigint not null)';

function sqliteStore(dir: string): FrameStore {
  const db = new SqliteDatabase(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`create table ${TABLE.replace('bigserial', 'integer')}`);
  const insert = db.prepare('insert into relayed (conversation, frame, at) values (?, ?, ?)');
  return {
    save: (conversation, frame) => {
      insert.run(conversation, frame.toString(), Date.now());
      return Promise.resolve();
    },
    close: () => Promise.resolve(void db.close()),
  };
}

async function postgresStore(url: string, schema: string): Promise<FrameStore> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema "${schema}"`);
  await client.query(`set search_path to "${schema}"`);
  await client.query(`create table ${TABLE}`);
  const text = 'insert into relayed (conversation, frame, at) values ($1, $2, $3)';
  // One insert at a time on the one connection, in arrival order (pg is deprecating queueing them
  // itself), each a named statement: parsed and planned once, as Candor's are.
  let tail: Promise<unknown> = Promise.resolve();
  return {
    save: (conversation, frame) => {
      const insert = () =>
        client.query({ name: 'floor_insert', text, values: [conversation, frame.toString(), Date.now()] });
      const saved = tail.then(insert, insert);
      tail = saved.catch(() => undefined);
      return saved.then(() => undefined);
    },
    close: () => client.end(),
  };
}

/** Configured like Candor, from the environment the parent set: CANDOR_DATA_DIR or DATABASE_URL + schema. */
export async function startStoringFloor(): Promise<{ url: string; stop(): Promise<void> }> {
  const { CANDOR_DATA_DIR: dir, DATABASE_URL: url, CANDOR_DATABASE_SCHEMA: schema } = process.env;
  if (url && schema) return startBareRelay(await postgresStore(url, schema));
  if (dir) return startBareRelay(sqliteStore(dir));
  throw new Error('the storing floor needs CANDOR_DATA_DIR, or DATABASE_URL and CANDOR_DATABASE_SCHEMA');
}
