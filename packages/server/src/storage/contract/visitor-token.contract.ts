/** Contract: visitor tokens rotate on use, lapse after a grace once replaced, and expire when idle. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PREVIOUS_TOKEN_GRACE_MS, tokenWindow } from '../../domain/visitor-tokens';
import type { Store } from '../store';
import { newVisitor, T0, uid } from './fixtures';

const DAY = 86_400_000;
const IDLE = 30 * DAY;

export function visitorTokenContract(store: () => Store): void {
  describe('visitor tokens', () => {
    it('a valid token is replaced; the old one lapses after the grace, the new one keeps working', async () => {
      const { tokenHash: first, ...visitor } = await newVisitor(store());
      const second = uid('th');
      const at = T0 + DAY;
      const rotated = await store().rotateVisitorToken(
        { tokenHash: first, newTokenHash: second },
        tokenWindow(at, IDLE),
      );
      assert.deepEqual(rotated, visitor);
      assert.deepEqual(await store().findVisitorByTokenHash(second), visitor);
      assert.equal(
        await store().findVisitorByTokenHash(first),
        undefined,
        'the current token is the new one',
      );

      // Within the grace, the old token still resumes (two tabs racing, a lost welcome)...
      const third = uid('th');
      const soon = at + PREVIOUS_TOKEN_GRACE_MS - 1;
      assert.deepEqual(
        await store().rotateVisitorToken({ tokenHash: first, newTokenHash: third }, tokenWindow(soon, IDLE)),
        visitor,
      );
      // ...and the token issued in between is kept for its own grace, so neither tab is lost.
      const fourth = uid('th');
      assert.deepEqual(
        await store().rotateVisitorToken(
          { tokenHash: second, newTokenHash: fourth },
          tokenWindow(soon, IDLE),
        ),
        visitor,
      );
      // Past the grace only the newest works.
      const later = soon + PREVIOUS_TOKEN_GRACE_MS + 1;
      for (const old of [first, second, third]) {
        const found = await store().rotateVisitorToken(
          { tokenHash: old, newTokenHash: uid('th') },
          tokenWindow(later, IDLE),
        );
        assert.equal(found, undefined, 'a replaced token past its grace resumes nobody');
      }
      assert.deepEqual(
        await store().rotateVisitorToken(
          { tokenHash: fourth, newTokenHash: uid('th') },
          tokenWindow(later, IDLE),
        ),
        visitor,
      );
    });

    it('a token unused for longer than the idle time resumes nobody, and is not replaced', async () => {
      const { tokenHash } = await newVisitor(store());
      const late = T0 + IDLE + 1;
      const next = uid('th');
      assert.equal(
        await store().rotateVisitorToken({ tokenHash, newTokenHash: next }, tokenWindow(late, IDLE)),
        undefined,
      );
      assert.equal(await store().findVisitorByTokenHash(next), undefined);
      // Used just within the idle time, it works, and the idle time starts again from that use.
      const { tokenHash: other, ...visitor } = await newVisitor(store());
      const renewed = uid('th');
      const justIn = T0 + IDLE - 1;
      assert.deepEqual(
        await store().rotateVisitorToken(
          { tokenHash: other, newTokenHash: renewed },
          tokenWindow(justIn, IDLE),
        ),
        visitor,
      );
      assert.deepEqual(
        await store().rotateVisitorToken(
          { tokenHash: renewed, newTokenHash: uid('th') },
          tokenWindow(justIn + IDLE - 1, IDLE),
        ),
        visitor,
      );
    });

    it('an unknown token resumes nobody', async () => {
      const found = await store().rotateVisitorToken(
        { tokenHash: uid('th'), newTokenHash: uid('th') },
        tokenWindow(T0, IDLE),
      );
      assert.equal(found, undefined);
    });
  });
}
