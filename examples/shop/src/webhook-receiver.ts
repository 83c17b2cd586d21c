/**
 * `POST /webhooks/candor`: Candor tells the shop that a recovery action was approved or refused. The
 * shop checks the signature and the timestamp (webhook-signature.ts), ignores an id it has handled
 * (deliveries are at least once), and performs an approved action on its own account: Candor decides
 * whether the action may happen, the shop is who does it.
 *
 * Answers: 2xx once handled (or already handled, or of no interest: Candor stops trying), 401 for a
 * bad signature or a stale timestamp, 400 for a signed body the shop cannot read.
 */
import { putAccountBody, recoveryDecisionEventData } from '@candor/protocol/schemas';
import type { RecoveryDecisionEventData } from '@candor/protocol';
import type { AccountBook } from './accounts';
import type { ActivityLog } from './activity-log';
import type { SeenIds } from './seen-ids';
import { checkWebhookSignature, type WebhookHeaders } from './webhook-signature';

export interface ReceiverDeps {
  secret: string;
  book: AccountBook;
  activity: ActivityLog;
  seen: SeenIds;
  /** Ends the account's sessions: after a recovery, whoever else was logged in is out. */
  endSessionsOf: (accountId: string) => void;
  now?: () => number;
}

export interface ReceiverAnswer {
  status: 200 | 204 | 400 | 401;
  text: string;
}

const ACTION_NAMES: Record<RecoveryDecisionEventData['action'], string> = {
  unlock: 'unlock',
  reset_second_factor: 'second-factor reset',
  change_contact: 'contact change',
};

export function receiveWebhook(deps: ReceiverDeps, headers: WebhookHeaders, body: string): ReceiverAnswer {
  const checked = checkWebhookSignature(deps.secret, headers, body, (deps.now ?? Date.now)());
  if (!checked.ok) {
    deps.activity.add(`Refused a webhook: ${checked.why.replaceAll('_', ' ')}.`);
    return { status: 401, text: checked.why };
  }
  if (deps.seen.has(checked.id)) return { status: 200, text: 'already handled' };

  let event: { type?: unknown; data?: unknown };
  try {
    event = JSON.parse(body) as typeof event;
  } catch {
    return { status: 400, text: 'not JSON' };
  }
  let answer: ReceiverAnswer;
  switch (event.type) {
    case 'webhook.ping':
      deps.activity.add('Candor pinged the webhook: signature checked.');
      answer = { status: 204, text: '' };
      break;
    case 'recovery.action.approved':
    case 'recovery.action.refused': {
      const data = recoveryDecisionEventData.safeParse(event.data);
      if (!data.success) return { status: 400, text: 'unexpected event data' };
      answer =
        event.type === 'recovery.action.approved' ? perform(deps, data.data) : noteRefusal(deps, data.data);
      break;
    }
    default:
      answer = { status: 204, text: '' }; // an event this shop does not use
  }
  // Remembered only once handled: a delivery that failed halfway is acted on when Candor tries again.
  if (answer.status < 300) deps.seen.add(checked.id);
  return answer;
}

function perform(deps: ReceiverDeps, d: RecoveryDecisionEventData): ReceiverAnswer {
  const { book, activity } = deps;
  const account = book.find(d.account);
  const by = `requested by ${d.requestedBy.name}${d.approvedBy ? `, approved by ${d.approvedBy.name}` : ''}`;
  if (!account) {
    activity.add(
      `Candor approved a ${ACTION_NAMES[d.action]} for an unknown account (${d.account}): ignored.`,
    );
    return { status: 200, text: 'no such account' };
  }
  switch (d.action) {
    case 'unlock':
      book.unlock(account.id);
      break;
    case 'reset_second_factor':
      book.setSecondFactor(account.id, false);
      break;
    case 'change_contact': {
      // Checked as the shop checks a contact its customers type, and as Candor's account API will.
      const value = d.newContact && putAccountBody.shape[d.newContact.channel].safeParse(d.newContact.value);
      if (!d.newContact || !value?.success || value.data === undefined)
        return { status: 400, text: 'change_contact without a valid newContact' };
      // The account book tells candor-sync.ts, which sends the new contact back to Candor.
      book.replaceContact(account.id, d.newContact.channel, value.data);
      break;
    }
  }
  deps.endSessionsOf(account.id);
  activity.add(
    `Candor approved the ${ACTION_NAMES[d.action]} of ${account.username}’s account (${by}): done.`,
  );
  return { status: 204, text: '' };
}

function noteRefusal(deps: ReceiverDeps, d: RecoveryDecisionEventData): ReceiverAnswer {
  const who = deps.book.find(d.account)?.username ?? d.account;
  deps.activity.add(
    `Candor refused the ${ACTION_NAMES[d.action]} of ${who}’s account${d.reason ? ` (${d.reason})` : ''}: nothing done.`,
  );
  return { status: 204, text: '' };
}
