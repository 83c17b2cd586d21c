/**
 * The one contract every Mailer passes (mailer.contract.test.ts runs it against SmtpMailer, through a
 * real SMTP server, and OutboxMailer, on a real store): what the recipient would read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Mail, Mailer } from './mailer';

export interface MailerUnderTest {
  mailer: Mailer;
  /** Every mail delivered so far, as the recipient (or the outbox's reader) sees it. */
  delivered: () => Promise<Mail[]>;
  /** Makes delivery fail from now on (the server refuses, the store is closed…). */
  breakDelivery: () => void;
}

export function describeMailerContract(name: string, open: () => Promise<MailerUnderTest>): void {
  describe(`Mailer contract: ${name}`, () => {
    it('delivers the subject, the text and the HTML as given, accents and quotes included', async () => {
      const { mailer, delivered } = await open();
      const mail: Mail = {
        to: 'zoe@example.test',
        subject: 'Réponse à « votre question » — n°42',
        text: 'Bonjour Zoé,\n\nVoici la réponse : 3 < 4 & "ok".',
        html: '<p>Bonjour Zoé,</p><p>Voici la réponse : 3 &lt; 4 &amp; &quot;ok&quot;.</p>',
      };
      await mailer.send(mail);
      const got = (await delivered()).find((m) => m.subject === mail.subject);
      assert.ok(got, 'the mail was delivered');
      assert.equal(got.to, mail.to);
      assert.equal(got.text.trim(), mail.text);
      assert.match(got.html, /Voici la réponse : 3 &lt; 4 &amp; &quot;ok&quot;\./);
      await mailer.close();
    });

    it('rejects a mail it could not deliver, so the queue can retry it', async () => {
      const { mailer, breakDelivery } = await open();
      breakDelivery();
      await assert.rejects(mailer.send({ to: 'a@example.test', subject: 'x', text: 'x', html: '<p>x</p>' }));
      await mailer.close();
    });
  });
}
