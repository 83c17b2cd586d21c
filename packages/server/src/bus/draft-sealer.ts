/**
 * Drafts cross the network between nodes sealed (AES-256-GCM with a key every node reads from the
 * shared database), so an unsent draft never appears in clear in Redis or NATS traffic or in a
 * capture of it. Messages are not sealed: they are stored anyway; drafts must leave no trace.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export class DraftSealer {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the draft sealing key must be 32 bytes');
  }

  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** undefined when the payload was not sealed with this key or was altered. */
  open(sealed: string): string | undefined {
    const bytes = Buffer.from(sealed, 'base64');
    if (bytes.length < 28) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
