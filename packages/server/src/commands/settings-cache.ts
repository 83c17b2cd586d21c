import type { PreviewPolicy, RedactionRule } from '@candor/protocol';
import { compileRules, type CompiledRules } from '@candor/protocol';
import type { DomainEvent } from '../domain/events';
import { DEFAULT_INBOX_ID, type InboxContactSettings, type InboxRecord } from '../domain/types';
import type { Store } from '../storage/store';

/** A stored rule this version will not run (saved before rules had to run in linear time). */
export type RefusedRule = CompiledRules['refused'][number];

/**
 * Settings read on hot paths (every draft, every message), kept in memory on each node and refreshed
 * by `inbox.updated` / `redaction_rules.changed` events from any node.
 */
export class SettingsCache {
  private policies = new Map<string, PreviewPolicy>();
  /** Pre-chat form and identity settings per inbox, secrets included (they never leave the node). */
  private contactSettings = new Map<string, InboxContactSettings>();
  private ruleList: RedactionRule[] = [];
  private compiled: CompiledRules = compileRules([]);
  private warned = new Set<string>();
  /** Inboxes whose bot answers new conversations (migration 0016). */
  private bots = new Set<string>();

  /** `onRefused` hears once of each stored rule that is skipped, so operators see it in the log. */
  private constructor(
    private readonly onRefused: (refused: RefusedRule) => void,
    /** CANDOR_IDENTITY_SECRET: the default inbox's identity secret when none was set in the console. */
    readonly environmentSecret: string | null = null,
  ) {}

  static async load(
    store: Store,
    onRefused: (refused: RefusedRule) => void = () => {},
    environmentSecret: string | null = null,
  ): Promise<SettingsCache> {
    const cache = new SettingsCache(onRefused, environmentSecret);
    await cache.reload(store);
    return cache;
  }

  /** After a bus outage: changes made meanwhile on other nodes are read from the store. */
  async reload(store: Store): Promise<void> {
    const [inboxes, rules, contact, bots] = await Promise.all([
      store.listInboxes(),
      store.listRedactionRules(),
      store.listInboxContactSettings(),
      store.listBotInboxes(),
    ]);
    this.bots = new Set(bots);
    this.setInboxes(inboxes);
    this.contactSettings = new Map(contact.map((c) => [c.inboxId, c]));
    this.setRules(rules);
  }

  /** Unknown inboxes get the default, so a new inbox is never more revealing than the default. */
  policy(inboxId: string): PreviewPolicy {
    return this.policies.get(inboxId) ?? 'on_with_notice';
  }

  /** Whether the bot answers the inbox's new conversations first: one lookup, on every new conversation. */
  botEnabled(inboxId: string): boolean {
    return this.bots.has(inboxId);
  }

  /** An unknown inbox has no form and no identity: the least it can ask of a visitor. */
  contact(inboxId: string): InboxContactSettings {
    return (
      this.contactSettings.get(inboxId) ?? {
        inboxId,
        preChatEnabled: false,
        preChatRequireEmail: false,
        identityEnforce: false,
        identitySecret: null,
      }
    );
  }

  /** The secret identity tokens of this inbox are checked with: the console's, or the environment's. */
  identitySecret(inboxId: string): string | null {
    return (
      this.contact(inboxId).identitySecret ?? (inboxId === DEFAULT_INBOX_ID ? this.environmentSecret : null)
    );
  }

  /** After an admin changed them (`inbox.updated` with `contactChanged`): read from the store. */
  async reloadContact(store: Store): Promise<void> {
    const contact = await store.listInboxContactSettings();
    this.contactSettings = new Map(contact.map((c) => [c.inboxId, c]));
  }

  get rules(): readonly RedactionRule[] {
    return this.ruleList;
  }

  get compiledRules(): CompiledRules {
    return this.compiled;
  }

  apply(event: DomainEvent): void {
    if (event.type === 'inbox.updated') {
      this.policies.set(event.inbox.id, event.inbox.previewPolicy);
      if (event.inbox.bot?.enabled === true) this.bots.add(event.inbox.id);
      if (event.inbox.bot?.enabled === false) this.bots.delete(event.inbox.id);
    }
    if (event.type === 'redaction_rules.changed') this.setRules(event.rules);
  }

  private setInboxes(inboxes: readonly InboxRecord[]): void {
    this.policies = new Map(inboxes.map((i) => [i.id, i.previewPolicy]));
  }

  private setRules(rules: RedactionRule[]): void {
    this.ruleList = rules;
    this.compiled = compileRules(rules);
    for (const refused of this.compiled.refused)
      if (!this.warned.has(refused.rule.id)) {
        this.warned.add(refused.rule.id);
        this.onRefused(refused);
      }
  }
}
