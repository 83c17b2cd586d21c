/**
 * Development: no SMS provider configured, so texts are kept in the development outbox beside mail
 * (marked `channel: 'sms'`), where admins read them (GET /api/v1/outbox).
 */
import { randomUUID } from 'node:crypto';
import type { MailStore } from '../storage/mail-store';
import type { SmsSender, TextMessage } from './sms-sender';

export class OutboxSmsSender implements SmsSender {
  constructor(
    private readonly store: Pick<MailStore, 'addOutboxMail'>,
    private readonly now: () => number,
  ) {}

  send(message: TextMessage): Promise<void> {
    return this.store.addOutboxMail({
      id: randomUUID(),
      to: message.to,
      subject: '',
      text: message.text,
      html: '',
      createdAt: this.now(),
      channel: 'sms',
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
