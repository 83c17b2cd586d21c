/**
 * Texts through Twilio's Messages API (POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form
 * encoded, HTTP Basic auth) with fetch: no SDK, so no new dependency. A 2xx answer means Twilio
 * accepted the message for delivery; anything else rejects, with Twilio's error code and never the
 * text (it holds a recovery code).
 */
import type { TwilioConfig } from '../config';
import type { SmsSender, TextMessage } from './sms-sender';

const TIMEOUT_MS = 10_000;

export class TwilioSmsSender implements SmsSender {
  private readonly endpoint: string;
  private readonly authorization: string;

  constructor(private readonly config: TwilioConfig) {
    this.endpoint = `${config.url}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
    this.authorization = `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`;
  }

  async send(message: TextMessage): Promise<void> {
    const form = new URLSearchParams({ To: message.to, Body: message.text });
    // A Messaging Service (MG…) picks the sending number itself; otherwise the number is the sender.
    form.set(this.config.from.startsWith('MG') ? 'MessagingServiceSid' : 'From', this.config.from);
    const res = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        authorization: this.authorization,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: form.toString(),
      // The credentials go to the configured host only, never to wherever a redirect points.
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (res.ok) {
      await res.body?.cancel();
      return;
    }
    throw new Error(`Twilio refused the text: HTTP ${res.status}${await twilioCode(res)}`);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Twilio's numeric error code (e.g. 21211: invalid To number), when its answer carries one. */
async function twilioCode(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { code?: unknown };
    return typeof body.code === 'number' ? `, error ${body.code}` : '';
  } catch {
    return '';
  }
}
