/**
 * Contract: a value the store cannot hold (PostgreSQL text cannot hold U+0000; SQLite can) is either
 * kept or refused with StoreInvalidInputError, which callers answer as a client error; never a bare
 * driver error, which would read as `internal`. Callers make text storable before it gets here
 * (domain/storable-text.ts); this is the second lock.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoreInvalidInputError, type Store } from '../store';
import { newConversation, visitorSays } from './fixtures';

const keptOrRefused = (error: unknown) => error instanceof StoreInvalidInputError;

export function invalidInputContract(store: () => Store): void {
  describe('values the store cannot hold', () => {
    it('a lookup by an id holding U+0000 finds nothing or is refused as invalid input', async () => {
      for (const lookup of [
        () => store().getConversation('c\u0000'),
        () => store().findVisitorById('v\u0000'),
        () => store().listMessages('c\u0000', 0, 10),
      ]) {
        const found = await lookup().catch((error: unknown) =>
          assert.ok(keptOrRefused(error), String(error)),
        );
        assert.ok(found === undefined || (Array.isArray(found) && found.length === 0));
      }
    });

    it('one such message in a group commit fails alone: the others of the batch are stored', async () => {
      const { conversation, visitorId } = await newConversation(store());
      const bodies = ['first', 'bad \u0000 byte', 'third'];
      const outcomes = await Promise.allSettled(
        bodies.map((body) => store().appendMessage(conversation.id, visitorSays(visitorId, body))),
      );
      const [first, bad, third] = outcomes;
      assert.deepEqual([first?.status, third?.status], ['fulfilled', 'fulfilled']);
      if (bad?.status === 'rejected') assert.ok(keptOrRefused(bad.reason), String(bad.reason));
      const stored = await store().listMessages(conversation.id, 1, 10);
      const expected = bad?.status === 'fulfilled' ? bodies : ['first', 'third'];
      assert.deepEqual(
        stored.map((m) => m.body),
        expected,
      );
    });
  });
}
