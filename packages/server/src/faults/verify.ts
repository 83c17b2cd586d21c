/**
 * The pass criteria of a fault run, checked against the database itself (read directly, not through
 * any node): every acknowledged message stored exactly once, as acked; nothing stored that no client
 * had acked; per conversation, seqs 1..n with no gap; each sender's messages in its sending order;
 * and each agent's view equal to the database for the conversations it follows.
 */
import { adminQuery } from '../testing/postgres-test-db';
import type { Ledger } from './ledger';
import type { Acked } from './peer';
import type { ConversationView } from './conversation-view';

interface Row {
  id: string;
  conversation_id: string;
  seq: number;
  author_type: string;
  author_id: string | null;
  client_key: string | null;
  body: string;
}

export interface Stored {
  rows: Row[];
  byConversation: Map<string, Row[]>;
  /** Conversation id -> its last_seq. */
  lastSeqs: Map<string, number>;
}

export async function readStored(schema: string): Promise<Stored> {
  const rows = await adminQuery<Row>(
    `select id, conversation_id, seq::int as seq, author_type, author_id, client_key, body from ${schema}.messages`,
  );
  const conversations = await adminQuery<{ id: string; last_seq: number }>(
    `select id, last_seq::int as last_seq from ${schema}.conversations`,
  );
  return {
    rows,
    byConversation: groupBy(rows, (r) => r.conversation_id),
    lastSeqs: new Map(conversations.map((c) => [c.id, c.last_seq])),
  };
}

/** Checks the store against what clients were told; `unsent` are clientKeys still in some outbox. */
export function checkStore(
  stored: Stored,
  acked: readonly Acked[],
  unsent: ReadonlySet<string>,
  ledger: Ledger,
) {
  const byId = new Map(stored.rows.map((r) => [r.id, r]));
  const ackedIds = new Set<string>();
  const ackedKeys = new Map<string, string>();
  for (const a of acked) {
    const row = byId.get(a.message.id);
    const earlier = ackedKeys.get(a.clientKey);
    if (earlier !== undefined && earlier !== a.message.id)
      ledger.violation(`clientKey ${a.clientKey} acked as two messages (${earlier}, ${a.message.id})`);
    ackedKeys.set(a.clientKey, a.message.id);
    ackedIds.add(a.message.id);
    if (!row) ledger.violation(`acked message ${a.message.id} (${a.sender}) is not in the database`);
    else if (
      row.seq !== a.message.seq ||
      row.conversation_id !== a.message.conversationId ||
      row.body !== a.body ||
      row.client_key !== a.clientKey
    )
      ledger.violation(`acked message ${a.message.id} differs in the database`);
  }
  countTwice(stored.rows, (r) => `${r.author_type}/${r.author_id}/${r.client_key}`, 'clientKey', ledger);
  countTwice(stored.rows, (r) => r.body, 'body', ledger);
  for (const r of stored.rows) {
    if (!ackedIds.has(r.id) && !(r.client_key !== null && unsent.has(r.client_key)))
      ledger.violation(`message ${r.id} (${r.author_type} ${r.body}) stored but never acknowledged`);
  }
  checkSeqs(stored, ledger);
  checkOrder(acked, ledger);
}

function countTwice(rows: readonly Row[], keyOf: (r: Row) => string, what: string, ledger: Ledger): void {
  const seen = new Map<string, number>();
  for (const r of rows) if (r.client_key !== null) seen.set(keyOf(r), (seen.get(keyOf(r)) ?? 0) + 1);
  for (const [key, n] of seen) if (n > 1) ledger.violation(`${what} ${key} stored ${n} times`);
}

function checkSeqs({ byConversation, lastSeqs }: Stored, ledger: Ledger): void {
  for (const [id, lastSeq] of lastSeqs) {
    const sorted = (byConversation.get(id) ?? []).map((r) => r.seq).sort((a, b) => a - b);
    const gapless = sorted.every((seq, i) => seq === i + 1);
    if (!gapless || sorted.length !== lastSeq)
      ledger.violation(`conversation ${id}: seqs ${summarise(sorted)} with last_seq ${lastSeq}`);
  }
}

/** One message at a time per sender: its acks, in sending order, climb in seq within a conversation. */
function checkOrder(acked: readonly Acked[], ledger: Ledger): void {
  const last = new Map<string, number>();
  for (const a of [...acked].sort((x, y) => x.order - y.order)) {
    const key = `${a.sender}/${a.message.conversationId}`;
    if ((last.get(key) ?? 0) >= a.message.seq)
      ledger.violation(`${a.sender}: message order broken at ${a.message.id}`);
    last.set(key, a.message.seq);
  }
}

/**
 * Conversations where a view lacks stored messages (behind; `live` of them while their stream is open,
 * i.e. the server had every chance to deliver, `holes` of those missing a seq below one it holds) or
 * holds something the database does not (wrong).
 */
export function compareViews(
  views: ReadonlyMap<string, ConversationView>,
  stored: Stored,
  isLive: (conversationId: string) => boolean = () => false,
) {
  let behind = 0;
  let live = 0;
  let holes = 0;
  const wrong: string[] = [];
  for (const [id, view] of views) {
    const rows = stored.byConversation.get(id) ?? [];
    const missing = rows.filter((r) => !view.bySeq.has(r.seq)).map((r) => r.seq);
    if (missing.length > 0) {
      behind++;
      if (isLive(id)) live++;
      if (isLive(id) && Math.min(...missing) < Math.max(0, ...view.bySeq.keys())) holes++;
    }
    const differs = rows.some((r) => {
      const seen = view.bySeq.get(r.seq);
      return seen !== undefined && (seen.id !== r.id || seen.body !== r.body);
    });
    if (differs || view.bySeq.size > rows.length) wrong.push(id);
  }
  return { behind, live, holes, wrong };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

function summarise(seqs: readonly number[]): string {
  return seqs.length <= 12
    ? `[${seqs.join(',')}]`
    : `[${seqs.slice(0, 6).join(',')} … ${seqs.slice(-6).join(',')}]`;
}
