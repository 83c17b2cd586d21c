/**
 * The emails a visitor receives: an agent's replies (with the link back to the chat) and a transcript.
 * Pure: given the messages the visitor may see, as stored (secrets already masked), never notes or
 * drafts, which callers do not even read. Each has a plain-text and an HTML part, built from the same
 * lines, every dynamic text escaped in the HTML.
 */
import type { AuthorType } from '../types';
import { bodyHtml, escapeHtml, page } from './mail-html';
import { MAIL_TEXTS, type MailLanguage } from './mail-texts';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface VisibleMessage {
  authorType: AuthorType;
  /** The agent's name as the visitor sees it; ignored for the visitor's own lines. */
  authorName: string;
  body: string;
  createdAt: number;
}

/** Longest body of one message in an email, and most messages in one (the newest are kept). */
export const MAIL_BODY_MAX = 4_000;
export const MAIL_MESSAGES_MAX = 200;

export function replyMail(
  language: MailLanguage,
  replies: readonly VisibleMessage[],
  link: string,
): MailContent {
  const t = MAIL_TEXTS[language];
  const kept = replies.slice(-MAIL_MESSAGES_MAX);
  const text = [
    t.replyIntro,
    '',
    ...kept.flatMap((m) => [`${m.authorName || t.team}:`, clip(m.body), '']),
    `${t.replyLink}: ${link}`,
    t.replyLinkNote,
    '',
    t.footer,
  ].join('\n');
  const html = page(
    language,
    t.replySubject,
    `<p>${escapeHtml(t.replyIntro)}</p>` +
      kept
        .map(
          (m) => `<p><strong>${escapeHtml(m.authorName || t.team)}</strong><br>${bodyHtml(clip(m.body))}</p>`,
        )
        .join('') +
      `<p><a href="${escapeHtml(link)}">${escapeHtml(t.replyLink)}</a></p>` +
      `<p style="font-size:small">${escapeHtml(t.replyLinkNote)}</p>` +
      `<p style="font-size:small;color:#666">${escapeHtml(t.footer)}</p>`,
  );
  return { subject: t.replySubject, text, html };
}

export function transcriptMail(
  language: MailLanguage,
  messages: readonly VisibleMessage[],
  timeZone: string | null,
): MailContent {
  const t = MAIL_TEXTS[language];
  const kept = messages.slice(-MAIL_MESSAGES_MAX);
  const when = stamp(language, timeZone);
  const who = (m: VisibleMessage) => (m.authorType === 'visitor' ? t.you : m.authorName || t.team);
  const text = [
    t.transcriptIntro,
    '',
    ...kept.flatMap((m) => [`[${when(m.createdAt)}] ${who(m)}:`, clip(m.body), '']),
    t.footer,
  ].join('\n');
  const html = page(
    language,
    t.transcriptSubject,
    `<p>${escapeHtml(t.transcriptIntro)}</p>` +
      kept
        .map(
          (m) =>
            `<p><small>${escapeHtml(when(m.createdAt))}</small> <strong>${escapeHtml(who(m))}</strong><br>${bodyHtml(clip(m.body))}</p>`,
        )
        .join('') +
      `<p style="font-size:small;color:#666">${escapeHtml(t.footer)}</p>`,
  );
  return { subject: t.transcriptSubject, text, html };
}

function clip(body: string): string {
  return body.length > MAIL_BODY_MAX ? `${body.slice(0, MAIL_BODY_MAX)}…` : body;
}

/** Times in the visitor's zone when known and valid, else UTC. */
function stamp(language: MailLanguage, timeZone: string | null): (at: number) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(language, {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: timeZone ?? 'UTC',
    });
  } catch {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' });
  }
  return (at) => format.format(at);
}
