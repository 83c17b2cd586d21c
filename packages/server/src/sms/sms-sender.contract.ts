/**
 * The one contract every SmsSender passes (sms-sender.contract.test.ts runs it against TwilioSmsSender,
 * through a local stand-in for Twilio's API, and OutboxSmsSender, on a real store): what the phone's
 * owner would read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SmsSender, TextMessage } from './sms-sender';

export interface SmsSenderUnderTest {
  sender: SmsSender;
  /** Every text accepted so far, as the provider (or the outbox's reader) has it. */
  delivered: () => Promise<TextMessage[]>;
  /** Makes delivery fail from now on (the provider refuses, the store is closed…). */
  breakDelivery: () => void;
}

export function describeSmsSenderContract(name: string, open: () => Promise<SmsSenderUnderTest>): void {
  describe(`SmsSender contract: ${name}`, () => {
    it('delivers the text to the number as given, accents, symbols and line breaks included', async () => {
      const { sender, delivered } = await open();
      const text: TextMessage = {
        to: '+33612345678',
        text: 'Boutique Élodie : votre code est 482913.\nNe le donnez à personne, même pas au support & co.',
      };
      await sender.send(text);
      const got = (await delivered()).filter((t) => t.to === text.to);
      assert.deepEqual(got.at(-1), text);
      await sender.close();
    });

    it('rejects a text it could not hand over, so the caller can say so or retry', async () => {
      const { sender, breakDelivery, delivered } = await open();
      const before = (await delivered()).length;
      breakDelivery();
      await assert.rejects(sender.send({ to: '+14155550100', text: 'x' }));
      assert.equal((await delivered()).length, before);
      await sender.close();
    });
  });
}
