import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs. Nothing logs a message body or a frame; the redaction list is a second
 * lock in case someone passes one by mistake.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'candor' },
    redact: {
      paths: [
        'body',
        '*.body',
        'password',
        '*.password',
        'token',
        '*.token',
        'headers.cookie',
        '*.headers.cookie',
      ],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
