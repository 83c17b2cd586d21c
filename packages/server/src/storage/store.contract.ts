/**
 * The one contract every Store passes (sqlite/ and postgres/ run it). It tests what a user would notice:
 * messages in order without gaps, a retried send stored once, unread counts, logins that expire.
 */
import { after, before, describe } from 'node:test';
import type { Store } from './store';
import { agentContract } from './contract/agent.contract';
import { batchingContract } from './contract/batching.contract';
import { conversationContract } from './contract/conversation.contract';
import { invalidInputContract } from './contract/invalid-input.contract';
import { messageContract } from './contract/message.contract';
import { previewContract } from './contract/preview.contract';
import { searchContract } from './contract/search.contract';
import { visitorTokenContract } from './contract/visitor-token.contract';
import { limitsContract } from './contract/limits.contract';
import { routingContract } from './contract/routing.contract';
import { agentToolsContract } from './contract/agent-tools.contract';
import { preferenceContract } from './contract/preference.contract';
import { contactContract } from './contract/contact.contract';
import { satisfactionContract } from './contract/satisfaction.contract';
import { articleContract } from './contract/article.contract';
import { mailContract } from './contract/mail.contract';
import { mailQueueContract } from './contract/mail-queue.contract';
import { hostAccountsContract } from './contract/host-accounts.contract';
import { webhooksContract } from './contract/webhooks.contract';
import { recoveryActionsContract } from './contract/recovery-actions.contract';
import { botContract } from './contract/bot.contract';
import { recoveryContract } from './contract/recovery.contract';
import { supportReferencesContract } from './contract/support-references.contract';

/** `open` returns a fresh, empty store; the suite migrates it and closes it at the end. */
export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store | undefined;
    const current = (): Store => {
      if (store === undefined) throw new Error('store not opened');
      return store;
    };
    before(async () => {
      store = await open();
      await store.migrate();
    });
    after(async () => {
      await store?.close();
    });

    agentContract(current);
    messageContract(current);
    batchingContract(current);
    conversationContract(current);
    previewContract(current);
    invalidInputContract(current);
    visitorTokenContract(current);
    routingContract(current);
    agentToolsContract(current);
    searchContract(current);
    preferenceContract(current);
    contactContract(current);
    satisfactionContract(current);
    articleContract(current);
    mailContract(current);
    mailQueueContract(current);
    hostAccountsContract(current);
    webhooksContract(current);
    recoveryActionsContract(current);
    botContract(current);
    recoveryContract(current);
    supportReferencesContract(current);
    // Last: it purges the idle visitors other tests made.
    limitsContract(current);
  });
}
