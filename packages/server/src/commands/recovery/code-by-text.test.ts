/**
 * A recovery code by text message, at the command level with an SMS sender of the test's own: the
 * phone on file receives the code and its warnings in the visitor's language, the right code verifies,
 * and no event any listener received holds the code.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../../domain/events';
import type { Actor } from '../../domain/types';
import { openSqliteStore } from '../../storage';
import type { Store } from '../../storage/store';
import type { TextMessage } from '../../sms/sms-sender';
import type { ChatContext } from '../context';
import { ConversationHomes } from '../conversation-homes';
import { NameDirectory } from '../name-directory';
import { SettingsCache } from '../settings-cache';
import { readRecoveryCase } from './read-case';
import { sendRecoveryCode } from './send-code';
import { tryRecoveryCode } from './try-code';

describe('a recovery code by text message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'candor-sms-'));
  let store: Store;
  let ctx: ChatContext;
  const texts: TextMessage[] = [];
  const events: DomainEvent[] = [];

  before(async () => {
    store = await openSqliteStore({ file: join(dir, 'candor.db') });
    await store.migrate();
    ctx = {
      store,
      names: new NameDirectory(store),
      homes: new ConversationHomes(store),
      settings: await SettingsCache.load(store),
      emit: (e) => events.push(e),
      now: Date.now,
      sms: {
        send: (m) => {
          texts.push(m);
          return Promise.resolve();
        },
        close: () => Promise.resolve(),
      },
    };
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('goes to the phone on file, and the right code verifies', async () => {
    const accountId = `user-${randomUUID()}`;
    await store.putHostAccount(accountId, { contacts: { phone: '+33612345678' } }, Date.now());
    const visitorId = randomUUID();
    await store.createVisitor({
      id: visitorId,
      name: 'Blue Fox',
      locale: 'fr',
      createdAt: Date.now(),
      tokenHash: randomUUID(),
    });
    await store.noteBrowser(visitorId, { language: 'fr-FR', timeZone: null });
    const conversationId = randomUUID();
    await store.createRecoveryCase({
      conversationId,
      inboxId: 'default',
      visitorId,
      claimedAccount: '+33 6 12 34 56 78',
      situation: 'lost_second_factor',
      accountId,
      identitySub: null,
      createdAt: Date.now(),
    });
    await store.startConversation(
      { id: conversationId, inboxId: 'default', visitorId },
      { authorType: 'visitor', authorId: visitorId, body: 'help', clientKey: randomUUID(), now: Date.now() },
    );
    const admin = (await store.listAgents())[0];
    const agent: Actor = { kind: 'agent', agentId: admin?.id ?? 'a', role: 'admin', inboxIds: ['default'] };
    const recovery = await readRecoveryCase(ctx, agent, conversationId);
    const phone = recovery.contacts[0];
    assert.equal(phone?.masked, '+33 •• •• •• 78');
    const view = await sendRecoveryCode(ctx, agent, conversationId, {
      contactId: phone.id,
      purpose: 'reset_second_factor',
    });
    assert.deepEqual([view.channel, view.status], ['phone', 'pending']);
    assert.equal(texts.length, 1);
    assert.equal(texts[0]?.to, '+33612345678');
    const code = /Code (\d{6})/.exec(texts[0]?.text ?? '')?.[1] ?? '';
    assert.match(texts[0]?.text ?? '', /ne vous le demandera jamais/);
    const visitor: Actor = { kind: 'visitor', visitorId };
    const result = await tryRecoveryCode(ctx, visitor, { type: 'recovery.code', conversationId, code });
    assert.equal(result.outcome, 'verified');
    const proven = await readRecoveryCase(ctx, agent, conversationId);
    assert.deepEqual(
      proven.verifications.map((v) => [v.channel, v.purpose, v.masked]),
      [['phone', 'reset_second_factor', '+33 •• •• •• 78']],
    );
    assert.ok(events.some((e) => e.type === 'recovery.changed' && e.state?.verifiedAt));
    assert.ok(!JSON.stringify(events).includes(code), 'no event holds the code');
    const audit = await store.listAudit({ conversationId, limit: 10 });
    assert.ok(!JSON.stringify(audit).includes(code), 'the audit trail does not hold it');
  });
});
