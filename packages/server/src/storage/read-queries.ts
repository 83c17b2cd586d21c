/** Per-agent read markers and the unread counts derived from them. */
import type { Kysely } from 'kysely';
import type { Database } from './database';

type Db = Kysely<Database>;
type ReadState = { lastReadSeq: number; unread: number };

export async function markRead(
  db: Db,
  read: { agentId: string; conversationId: string; seq: number },
): Promise<void> {
  // The WHERE on the conflict branch keeps a marker from moving back (a stale tab, a reordered frame).
  await db
    .insertInto('agent_reads')
    .values({ agent_id: read.agentId, conversation_id: read.conversationId, last_read_seq: read.seq })
    .onConflict((oc) =>
      oc
        .columns(['agent_id', 'conversation_id'])
        .doUpdateSet((eb) => ({ last_read_seq: eb.ref('excluded.last_read_seq') }))
        .where((eb) => eb('agent_reads.last_read_seq', '<', eb.ref('excluded.last_read_seq'))),
    )
    .execute();
}

export async function readStates(
  db: Db,
  agentId: string,
  conversationIds: readonly string[],
): Promise<Map<string, ReadState>> {
  const states = new Map<string, ReadState>(conversationIds.map((id) => [id, { lastReadSeq: 0, unread: 0 }]));
  if (conversationIds.length === 0) return states;
  const rows = await db
    .selectFrom('conversations as c')
    .leftJoin('agent_reads as r', (join) =>
      join.onRef('r.conversation_id', '=', 'c.id').on('r.agent_id', '=', agentId),
    )
    .where('c.id', 'in', conversationIds)
    .select((eb) => {
      const lastRead = eb.fn.coalesce('r.last_read_seq', eb.lit(0));
      return [
        'c.id',
        lastRead.as('last_read_seq'),
        eb
          .selectFrom('messages as m')
          .whereRef('m.conversation_id', '=', 'c.id')
          .where('m.author_type', '=', 'visitor')
          .where('m.seq', '>', lastRead)
          .select((sub) => sub.fn.countAll<number>().as('n'))
          .as('unread'),
      ];
    })
    .execute();
  for (const row of rows) {
    states.set(row.id, { lastReadSeq: Number(row.last_read_seq), unread: Number(row.unread ?? 0) });
  }
  return states;
}

/** Per conversation, the highest seq any agent has read (absent: none has). */
export async function seenSeqs(db: Db, conversationIds: readonly string[]): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  if (conversationIds.length === 0) return seen;
  const rows = await db
    .selectFrom('agent_reads')
    .where('conversation_id', 'in', conversationIds)
    .groupBy('conversation_id')
    .select((eb) => ['conversation_id', eb.fn.max('last_read_seq').as('seq')])
    .execute();
  for (const row of rows) seen.set(row.conversation_id, Number(row.seq));
  return seen;
}
