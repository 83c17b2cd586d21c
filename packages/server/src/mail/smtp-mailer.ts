/** Sends through an SMTP server with nodemailer (one pooled transport per node). */
import { createTransport, type Transporter } from 'nodemailer';
import type { Mail, Mailer } from './mailer';

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  /** `url`: smtp:// or smtps://, with credentials if any; `from`: the sender shown to visitors. */
  constructor(
    url: string,
    private readonly from: string,
  ) {
    // nodemailer waits up to 10 minutes on a stalled socket by default; a send must end well inside the
    // mail queue's 2-minute lease, or another node would send the same mail again.
    this.transport = createTransport({
      url,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 45_000,
    });
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  }

  close(): Promise<void> {
    this.transport.close();
    return Promise.resolve();
  }
}
