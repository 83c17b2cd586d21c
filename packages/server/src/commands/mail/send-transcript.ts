/**
 * transcript.request: the visitor of a resolved conversation asks for its transcript by email. It holds
 * the conversation's messages as stored (secrets masked), which is all the visitor saw; notes and the
 * activity trail are other tables and are never read here. Limited per visitor across nodes
 * (TRANSCRIPTS_PER_HOUR), since each one sends an email to an address the visitor typed.
 */
import type { TranscriptRequestFrame } from '@candor/protocol';
import { DomainError } from '../../domain/errors';
import { mailLanguage } from '../../domain/mail/mail-texts';
import { MAIL_MESSAGES_MAX, transcriptMail } from '../../domain/mail/visitor-mail';
import { fixedWindow } from '../../domain/rate-limits';
import type { Actor } from '../../domain/types';
import { takeSlot } from '../../limits/shared-limit';
import type { ChatContext } from '../context';
import { loadReadable } from '../load-conversation';

export const TRANSCRIPTS_PER_HOUR = 3;
const transcriptRule = fixedWindow({ limit: TRANSCRIPTS_PER_HOUR, windowMs: 3_600_000 });

export async function sendTranscript(
  ctx: ChatContext,
  actor: Actor,
  frame: TranscriptRequestFrame,
): Promise<void> {
  if (actor.kind !== 'visitor') throw new DomainError('forbidden', 'Only visitors ask for their transcript.');
  const conversation = await loadReadable(ctx, actor, frame.conversationId);
  if (conversation.status !== 'resolved')
    throw new DomainError('conflict', 'A transcript is sent once the conversation is resolved.');
  const contact = await ctx.store.findContact(actor.visitorId);
  const to = frame.email?.toLowerCase() ?? contact?.email ?? undefined;
  if (!to) throw new DomainError('bad_frame', 'Give an email address.');
  if (!ctx.mail) throw new DomainError('unavailable', 'Email is not available here.');
  const slot = await takeSlot(ctx.store, `transcript:${actor.visitorId}`, {
    rule: transcriptRule,
    now: ctx.now(),
  });
  if (!slot.ok)
    throw new DomainError('rate_limited', 'Too many transcripts; try again later.', slot.retryAfterMs);
  const messages = await ctx.store.listMessages(conversation.id, 0, MAIL_MESSAGES_MAX);
  const visible = await Promise.all(
    messages.map(async (m) => ({
      authorType: m.authorType,
      authorName: m.authorType === 'agent' && m.authorId ? await ctx.names.agent(m.authorId) : '',
      body: m.body,
      createdAt: m.createdAt,
    })),
  );
  const visitor = await ctx.store.findVisitorById(actor.visitorId);
  const language = mailLanguage(visitor?.locale, contact?.language);
  await ctx.mail.enqueue('transcript', {
    to,
    ...transcriptMail(language, visible, contact?.timeZone ?? null),
  });
}
