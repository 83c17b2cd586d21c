import type { Store } from '../storage/store';
import type { DomainEvent } from '../domain/events';
import type { ConversationHomes } from './conversation-homes';
import type { NameDirectory } from './name-directory';
import type { SettingsCache } from './settings-cache';
import type { AnonymousLimits } from '../limits/anonymous-limits';
import type { InboxRouter } from './routing/inbox-router';
import type { BotTurns } from './bot/bot-turns';
import type { MailQueue } from '../mail/mail-queue';
import type { SmsSender } from '../sms/sms-sender';
import type { SiteInfo } from './site-info';

/** What every command needs. Built once in app.ts; tests build their own. */
export interface ChatContext {
  store: Store;
  names: NameDirectory;
  homes: ConversationHomes;
  settings: SettingsCache;
  /** Called only after the store has the change. Fan-out failures are the listener's to handle. */
  emit(event: DomainEvent): void;
  now(): number;
  /** New visitors and conversations per address, across nodes; none in tests that do not test it. */
  anonymousLimits?: AnonymousLimits;
  /** Routing passes after queue changes; none in tests that do not route (conversations stay unassigned). */
  routing?: InboxRouter;
  /** The webhook outbox's sender (webhooks/webhook-dispatcher.ts); none in tests that send no webhooks. */
  webhooks?: { allowPrivate: boolean; kick(): void };
  /** The bot's turns in conversations (issue 13); none in tests that build a context without it. */
  bot?: BotTurns;
  /** Outgoing email (transcripts); none in tests that do not send mail. */
  mail?: MailQueue;
  /** Text messages to phones on file (recovery codes, issue 14); none when no provider is configured. */
  sms?: SmsSender;
  /** Who runs this Candor (CANDOR_SITE_NAME), told to visitors in the welcome; none in bare tests. */
  site?: SiteInfo;
  /** Where this Candor is reached from outside (CANDOR_PUBLIC_URL), for links in mail; none in some tests. */
  publicUrl?: () => string;
}
