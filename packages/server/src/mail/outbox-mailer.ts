/** Development: no SMTP server configured, so mail is kept in the store for admins to read (the Outbox). */
import { randomUUID } from 'node:crypto';
import type { MailStore } from '../storage/mail-store';
import type { Mail, Mailer } from './mailer';

export class OutboxMailer implements Mailer {
  constructor(
    private readonly store: Pick<MailStore, 'addOutboxMail'>,
    private readonly now: () => number,
  ) {}

  send(mail: Mail): Promise<void> {
    return this.store.addOutboxMail({ id: randomUUID(), ...mail, createdAt: this.now() });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
