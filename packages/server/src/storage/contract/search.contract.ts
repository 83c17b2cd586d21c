/**
 * Contract: full-text search, the same answers on every store. French and English stemming, accents,
 * every word required, filters, pages, and new messages found without anyone indexing them by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redact } from '@candor/protocol';
import { parseSearchQuery } from '../../domain/search/search-query';
import type { SearchFilter, SearchRequest } from '../search/search-store';
import type { Store } from '../store';
import { newAgent, newVisitor, T0, uid, visitorSays } from './fixtures';

export function searchContract(store: () => Store): void {
  /** A conversation in `inboxId` whose visitor wrote `bodies`, one a millisecond from `now`. */
  const converse = async (inboxId: string, bodies: readonly string[], now = T0) => {
    const visitor = await newVisitor(store());
    const id = uid('c');
    for (const [i, body] of bodies.entries()) {
      const message = visitorSays(visitor.id, body, { now: now + i });
      if (i === 0) await store().startConversation({ id, inboxId, visitorId: visitor.id }, message);
      else await store().appendMessage(id, message);
    }
    return id;
  };
  const search = async (
    q: string,
    filter: SearchFilter,
    more: Partial<Omit<SearchRequest, 'terms' | 'filter'>> = {},
  ) => store().searchConversations({ terms: parseSearchQuery(q), filter, limit: 20, ...more });
  const found = async (q: string, filter: SearchFilter) =>
    (await search(q, filter)).hits.map((h) => h.conversation.id);

  describe('search', () => {
    it('finds French words by their stem, without accents or case', async () => {
      const inbox = uid('inbox');
      const c = await converse(inbox, ['Bonjour, mon colis a été remboursé hier ?']);
      const other = await converse(inbox, ['Où est ma livraison ?']);
      const inboxIds = [inbox];
      for (const q of ['rembourser', 'REMBOURSEMENT', 'remboursé', 'rembourse', 'colis', 'été', 'ete'])
        assert.deepEqual(await found(q, { inboxIds }), [c], q);
      assert.deepEqual(await found('ou', { inboxIds }), [other]);
      assert.deepEqual(await found('LIVRAISONS', { inboxIds }), [other]);
      assert.deepEqual(await found('remboursé livraison', { inboxIds }), [], 'every word must match');
      assert.deepEqual(await found('colis remboursé', { inboxIds }), [c]);
      assert.deepEqual(await found('facture', { inboxIds }), []);
    });

    it('finds English words by their stem', async () => {
      const inbox = uid('inbox');
      const c = await converse(inbox, ['I was refunded twice for the shipping!']);
      for (const q of ['refund', 'Refunding', 'ship', 'shipped', 'twice'])
        assert.deepEqual(await found(q, { inboxIds: [inbox] }), [c], q);
      assert.deepEqual(await found('invoice', { inboxIds: [inbox] }), []);
    });

    it('returns the newest matching messages of each conversation and how many match', async () => {
      const inbox = uid('inbox');
      const bodies = ['commande 1', 'rien', 'commande 2', 'commandé 3', 'commander 4', 'fin'];
      const c = await converse(inbox, bodies);
      const { hits } = await search('commande', { inboxIds: [inbox] });
      assert.equal(hits.length, 1);
      assert.equal(hits[0]?.conversation.id, c);
      assert.equal(hits[0]?.matchCount, 4);
      assert.deepEqual(
        hits[0]?.matches.map((m) => m.body),
        ['commander 4', 'commandé 3', 'commande 2'],
      );
    });

    it('never finds a masked secret, only what was stored', async () => {
      const inbox = uid('inbox');
      // What send-message stores: the body as redacted, "card •••• 5556" (the last four stay visible).
      const stored = redact('ma carte 4000 0566 5566 5556 ne passe pas').text;
      assert.doesNotMatch(stored, /0566/);
      const c = await converse(inbox, [stored]);
      assert.deepEqual(await found('carte', { inboxIds: [inbox] }), [c]);
      assert.deepEqual(await found('5556', { inboxIds: [inbox] }), [c]);
      for (const q of ['4000056655665556', '4000 0566 5566 5556', '0566', '4000'])
        assert.deepEqual(await found(q, { inboxIds: [inbox] }), [], q);
    });

    it('filters by inbox, status, assignee and when the matching message was written', async () => {
      const [inbox, hidden] = [uid('inbox'), uid('inbox')];
      const agent = await newAgent(store());
      const old = await converse(inbox, ['problème de paiement'], T0 - 30 * 86_400_000);
      const mine = await converse(inbox, ['paiement refusé'], T0);
      const recent = await converse(inbox, ['paiements en attente'], T0 + 100);
      await converse(hidden, ['paiement'], T0);
      await store().updateConversation(old, { status: 'resolved', now: T0 + 1 });
      await store().updateConversation(mine, { assigneeId: agent.id, now: T0 + 2 });
      const inboxIds = [inbox];
      assert.deepEqual(await found('paiement', { inboxIds }), [recent, mine, old]);
      assert.deepEqual(await found('paiement', { inboxIds: [] }), []);
      assert.deepEqual(await found('paiement', { inboxIds, status: 'resolved' }), [old]);
      assert.deepEqual(await found('paiement', { inboxIds, status: 'open' }), [recent, mine]);
      assert.deepEqual(await found('paiement', { inboxIds, assigneeId: agent.id }), [mine]);
      assert.deepEqual(await found('paiement', { inboxIds, assigneeId: null }), [recent, old]);
      assert.deepEqual(await found('paiement', { inboxIds, to: T0 }), [old]);
      assert.deepEqual(await found('paiement', { inboxIds, from: T0, to: T0 + 100 }), [mine]);
      assert.deepEqual(await found('paiement', { inboxIds, from: T0 + 100 }), [recent]);
    });

    it('pages through results without repeating or skipping one', async () => {
      const inbox = uid('inbox');
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await converse(inbox, [`retour numéro ${i}`], T0 + i));
      // Two conversations updated at the same moment: their order falls back to the id.
      ids.push(await converse(inbox, ['retour encore'], T0 + 4));
      const seen: string[] = [];
      let after: SearchRequest['after'];
      for (let pages = 0; pages < 10; pages++) {
        const page = await search(
          'retours',
          { inboxIds: [inbox] },
          { limit: 2, ...(after ? { after } : {}) },
        );
        assert.ok(page.hits.length <= 2);
        seen.push(...page.hits.map((h) => h.conversation.id));
        if (page.next === undefined) break;
        after = page.next;
      }
      assert.equal(seen.length, 6);
      assert.deepEqual(new Set(seen), new Set(ids));
      const all = await found('retours', { inboxIds: [inbox] });
      assert.deepEqual(seen, all);
    });

    it('finds a message as soon as it is stored, and the indexer leaves nothing behind', async () => {
      const inbox = uid('inbox');
      const c = await converse(inbox, ['première question']);
      assert.deepEqual(await found('question', { inboxIds: [inbox] }), [c]);
      const visitor = (await store().getConversation(c))?.visitorId ?? '';
      await store().appendMessage(c, visitorSays(visitor, 'un nouvel abonnement', { now: T0 + 5 }));
      assert.deepEqual(await found('abonnements', { inboxIds: [inbox] }), [c]);
      await store().appendMessage(c, visitorSays(visitor, 'encore un message', { now: T0 + 6 }));
      // What a node's indexer does after appends (PostgreSQL has nothing to do: the insert indexed it).
      await store().indexPendingMessages(1_000);
      assert.equal(await store().indexPendingMessages(1_000), 0, 'nothing left to index');
      const { hits } = await search('message', { inboxIds: [inbox] });
      assert.equal(hits[0]?.matchCount, 1, 'indexed once');
    });
  });
}
