/**
 * Account recovery in tests (issue 14): accounts on file through the host API, visitors who start a
 * recovery, codes read from the development outbox, and a record of every frame agent sockets
 * received, to check no code ever reached one.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, type Conversation, type RecoveryCase, type ServerFrame } from '@candor/protocol';
import type { Store } from '../storage/store';
import { TestClient } from './test-client';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

export interface Api {
  (path: string, init?: RequestInit): Promise<Response>;
}

export function restAs(baseUrl: string, cookie: string): Api {
  return (path, init = {}) =>
    fetch(`${baseUrl}/api/v1${path}`, {
      ...init,
      headers: { cookie, 'content-type': 'application/json', ...(init.headers as object) },
    });
}

/** An API token with accounts:write, and a function that keeps accounts on file with it. */
export async function hostAccounts(baseUrl: string, admin: Api) {
  const res = await admin('/api-tokens', {
    method: 'POST',
    body: JSON.stringify({ name: 'Shop', scopes: ['accounts:write'] }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  const { token } = (await res.json()) as { token: string };
  return async (externalId: string, body: { email?: string; phone?: string; name?: string }) => {
    const put = await fetch(`${baseUrl}/api/v1/accounts/${encodeURIComponent(externalId)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    assert.equal(put.status, 200, await put.clone().text());
  };
}

/** Every text frame any agent socket of the run received, as received. */
export const agentFrames: string[] = [];

export async function agentSocket(wsUrl: string, cookie: string): Promise<TestClient> {
  const client = await TestClient.connect(wsUrl, 'agent', { cookie });
  client.ws.on('message', (data: Buffer) => agentFrames.push(data.toString()));
  client.send({ type: 'hello', protocol: PROTOCOL_VERSION });
  await client.next('welcome');
  client.send({ type: 'inbox.subscribe' });
  await client.next('inbox.snapshot');
  return client;
}

/** Whether a code appears in a text as a number of its own (not inside a longer run of digits). */
export function holdsCode(text: string, code: string): boolean {
  return new RegExp(`(?<![0-9])${code}(?![0-9])`).test(text);
}

export async function startRecovery(
  visitor: TestClient,
  account: string,
  extra: { details?: string; situation?: string; timeoutMs?: number } = {},
): Promise<{ conversation: Conversation; ack: Frame<'ack'> }> {
  const ref = randomUUID();
  visitor.send({
    type: 'recovery.start',
    ref,
    account,
    situation: extra.situation ?? 'locked_out',
    ...(extra.details === undefined ? {} : { details: extra.details }),
    clientKey: randomUUID(),
  });
  const reply = await visitor.waitFor(
    (f): f is Frame<'ack'> | Frame<'error'> => (f.type === 'ack' || f.type === 'error') && f.ref === ref,
    extra.timeoutMs ?? 5000,
  );
  if (reply.type !== 'ack') throw new Error(`recovery.start failed: ${JSON.stringify(reply)}`);
  const ack = reply;
  assert.ok(ack.conversation, 'the ack carries the conversation');
  return { conversation: ack.conversation, ack };
}

export async function tryCode(visitor: TestClient, conversationId: string, code: string, timeoutMs = 5000) {
  const ref = randomUUID();
  visitor.send({ type: 'recovery.code', ref, conversationId, code });
  const reply = await visitor.waitFor(
    (f): f is Frame<'ack'> | Frame<'error'> => (f.type === 'ack' || f.type === 'error') && f.ref === ref,
    timeoutMs,
  );
  if (reply.type !== 'ack') throw new Error(`recovery.code failed: ${JSON.stringify(reply)}`);
  return reply.codeResult?.outcome;
}

export async function readCase(api: Api, conversationId: string): Promise<RecoveryCase> {
  const res = await api(`/conversations/${conversationId}/recovery`);
  assert.equal(res.status, 200, await res.clone().text());
  return ((await res.json()) as { recovery: RecoveryCase }).recovery;
}

/** Sends a code to the case's first contact of that channel; the response, as sent. */
export async function sendCode(
  api: Api,
  conversationId: string,
  pick: { channel?: 'email' | 'phone'; purpose?: string; contactId?: string } = {},
): Promise<Response> {
  const contactId =
    pick.contactId ??
    (await readCase(api, conversationId)).contacts.find((c) => c.channel === (pick.channel ?? 'email'))?.id;
  assert.ok(contactId, 'the case lists a contact of that channel');
  return api(`/conversations/${conversationId}/recovery/codes`, {
    method: 'POST',
    body: JSON.stringify({ contactId, purpose: pick.purpose ?? 'unlock' }),
  });
}

/** The code in the newest outbox mail to that address. */
export async function codeMailedTo(store: Store, to: string): Promise<string> {
  const mail = (await store.listOutbox(50)).find((m) => m.to === to);
  assert.ok(mail, `a mail to ${to} in the outbox`);
  const code = /\n(\d{6})\n/.exec(mail.text)?.[1];
  assert.ok(code, 'the mail holds a 6-digit code on a line of its own');
  return code;
}
