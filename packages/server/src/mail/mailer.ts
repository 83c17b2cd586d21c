/**
 * The Mailer seam: how an email leaves Candor. Two implementations pass the one contract suite
 * (mailer.contract.ts): SmtpMailer (nodemailer, when CANDOR_SMTP_URL and CANDOR_MAIL_FROM are set) and
 * OutboxMailer (development: kept in the store, shown to admins at GET /api/v1/outbox). Callers do not
 * send directly: they hand mail to the MailQueue, which sends off the request path and retries.
 */
export interface Mail {
  /** One address, already validated. */
  to: string;
  subject: string;
  /** The plain-text part; every mail has one. */
  text: string;
  /** The HTML part, built with every dynamic piece escaped. */
  html: string;
}

export interface Mailer {
  /** Resolves once the mail is accepted (by the SMTP server, or stored); rejects when it was not. */
  send(mail: Mail): Promise<void>;
  close(): Promise<void>;
}
