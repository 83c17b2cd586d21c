/**
 * The agent proven genuine (issue 14), on a real server: an agent gives a support reference; anyone
 * checks it on the help centre's /verify page (without script, in English and French) or by
 * `POST /api/v1/help/verify`, and learns "genuine, given by <agent>, valid until …" or "not a current
 * reference from <site>: do not give them anything" (unknown and expired answer alike). Checks are
 * limited per client address in the store, so the limit holds across nodes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SupportReference, VerifyReferenceResponse } from '@candor/protocol';
import { referenceHash } from '../commands/recovery/support-references';
import { REFERENCE_TTL_MS } from '../domain/recovery/support-reference';
import { TrustedProxies } from '../transport/trusted-proxies';
import { ADMIN, startTestServer, type TestServer } from '../testing/test-server';
import { logIn, TestClient } from '../testing/test-client';
import {
  adminQuery,
  describeWithPostgres,
  freshSchema,
  TEST_DATABASE_URL,
} from '../testing/postgres-test-db';

const SHAPE = /^CND-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
let nextAddress = 1;
/** A client address of its own per caller, so each test has its own budget of checks. */
const freshAddress = () => `203.0.113.${nextAddress++}`;

function helpers(server: () => TestServer) {
  const verify = async (reference: string, address = freshAddress()) => {
    const res = await fetch(`${server().url}/api/v1/help/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ reference }),
    });
    return { status: res.status, body: (await res.json()) as VerifyReferenceResponse };
  };
  const page = async (path: string, address = freshAddress()) => {
    const res = await fetch(`${server().url}${path}`, { headers: { 'x-forwarded-for': address } });
    return { status: res.status, html: await res.text(), headers: res.headers };
  };
  const issue = async (cookie: string, body: object = {}) => {
    const res = await fetch(`${server().url}/api/v1/support-references`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as SupportReference };
  };
  return { verify, page, issue };
}

describe('support references and the /verify page', () => {
  let server: TestServer;
  let admin: string;
  const { verify, page, issue } = helpers(() => server);

  before(async () => {
    server = await startTestServer({
      siteName: 'Shop <Dev> & "Co"',
      trustProxy: TrustedProxies.parse('127.0.0.1'),
    });
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
    await fetch(`${server.url}/api/v1/me`, {
      method: 'PATCH',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada <Support>' }),
    });
  });
  after(() => server.close());

  it('gives an agent a short reference, valid a day, kept only as a hash', async () => {
    const { status, body } = await issue(admin);
    assert.equal(status, 201);
    assert.match(body.reference, SHAPE);
    assert.equal(body.expiresAt - body.issuedAt, REFERENCE_TTL_MS);
    assert.ok(await server.store.findSupportReference(referenceHash(body.reference)));
    // Nowhere on disk in clear: not in the database, nor its write-ahead log.
    for (const file of readdirSync(server.dataDir).filter((f) => f.startsWith('candor.db'))) {
      const bytes = readFileSync(join(server.dataDir, file)).toString('latin1');
      assert.ok(!bytes.includes(body.reference) && !bytes.includes(body.reference.slice(4)), file);
    }
  });

  it('says a genuine reference is genuine, whose it is and until when, however it is typed', async () => {
    const { body: given } = await issue(admin);
    const expected = { genuine: true, agentName: 'Ada <Support>', expiresAt: given.expiresAt };
    for (const typed of [
      given.reference,
      given.reference.toLowerCase(),
      ` ${given.reference.slice(4).replace('-', ' ')} `,
    ])
      assert.deepEqual((await verify(typed)).body, expected, typed);
  });

  it('answers unknown, malformed, expired and deactivated agents’ references alike', async () => {
    const now = Date.now();
    const expired = 'CND-7K4Q-92XM';
    const admins = await server.store.listAgents();
    await server.store.createSupportReference({
      referenceHash: referenceHash(expired),
      agentId: admins[0]!.id,
      conversationId: null,
      issuedAt: now - REFERENCE_TTL_MS - 1,
      expiresAt: now - 1,
      revokedAt: null,
    });
    // An agent who leaves: their references stop being genuine with them.
    const created = await fetch(`${server.url}/api/v1/agents`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'leaver@example.test', name: 'Leaver' }),
    });
    const { agent, password } = (await created.json()) as { agent: { id: string }; password: string };
    const { body: leavers } = await issue(await logIn(server.url, 'leaver@example.test', password));
    assert.equal((await verify(leavers.reference)).body.genuine, true);
    await fetch(`${server.url}/api/v1/agents/${agent.id}`, {
      method: 'PATCH',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ active: false }),
    });
    for (const typed of ['CND-ZZZZ-ZZZZ', 'not a reference', expired, leavers.reference]) {
      const { status, body } = await verify(typed);
      assert.equal(status, 200);
      assert.deepEqual(body, { genuine: false }, typed);
    }
    assert.equal((await verify('')).status, 400);
  });

  it('gives references to signed-in agents only, tied to a conversation only if they may read it', async () => {
    const anonymous = await fetch(`${server.url}/api/v1/support-references`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(anonymous.status, 401);
    assert.equal((await issue(admin, { conversationId: 'no-such-conversation' })).status, 404);
    assert.equal((await issue(admin, { conversationId: 'x', extra: true })).status, 400);
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const first = await visitor.sendMessage(null, 'Someone called me from support');
    visitor.close();
    const tied = await issue(admin, { conversationId: first.conversationId });
    assert.equal(tied.status, 201);
    const stored = await server.store.findSupportReference(referenceHash(tied.body.reference));
    assert.equal(stored?.conversationId, first.conversationId);
  });

  it('withdraws a reference at the request of its agent or a supervisor, never another agent', async () => {
    const revoke = (cookie: string, reference: string) =>
      fetch(`${server.url}/api/v1/support-references/revoke`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ reference }),
      }).then((r) => r.status);
    const agentCookie = async (email: string, role: string) => {
      const res = await fetch(`${server.url}/api/v1/agents`, {
        method: 'POST',
        headers: { cookie: admin, 'content-type': 'application/json' },
        body: JSON.stringify({ email, name: email.split('@')[0], role }),
      });
      const { password } = (await res.json()) as { password: string };
      return logIn(server.url, email, password);
    };
    const [plain, other, supervisor] = await Promise.all([
      agentCookie('giver@example.test', 'agent'),
      agentCookie('colleague@example.test', 'agent'),
      agentCookie('lead@example.test', 'supervisor'),
    ]);
    const { body: mine } = await issue(plain);
    // Another plain agent cannot tell it from an unknown one.
    assert.equal(await revoke(other, mine.reference), 404);
    assert.equal(await revoke(other, 'CND-0000-0000'), 404);
    assert.equal((await verify(mine.reference)).body.genuine, true);
    assert.equal(await revoke(plain, mine.reference.toLowerCase()), 204);
    assert.deepEqual((await verify(mine.reference)).body, { genuine: false });
    assert.equal(await revoke(plain, mine.reference), 204, 'a second time changes nothing');
    const { body: theirs } = await issue(plain);
    assert.equal(await revoke(supervisor, theirs.reference), 204);
    assert.deepEqual((await verify(theirs.reference)).body, { genuine: false });
    assert.equal(await revoke(plain, ''), 400);
    // The audit says who gave and who withdrew, never the reference.
    const audit = await server.store.listAudit({ limit: 100 });
    const revoked = audit.filter((e) => e.action === 'support_reference.revoked');
    assert.equal(revoked.length, 2);
    assert.ok(audit.filter((e) => e.action === 'support_reference.issued').length >= 2);
    assert.ok(!JSON.stringify(audit).includes(mine.reference.slice(4)));
  });

  it('shows the page without script, with the verdict in English and in French', async () => {
    const empty = await page('/help/verify');
    assert.equal(empty.status, 200);
    assert.match(empty.html, /<html lang="en">/);
    assert.match(empty.html, /<form class="check" method="get" action="\/help\/verify">/);
    assert.match(empty.html, /<label for="reference">Support reference<\/label>/);
    assert.doesNotMatch(empty.html, /<script/);
    assert.match(empty.html, /Shop &lt;Dev&gt; &amp; &quot;Co&quot; support will never ask/);
    assert.match(empty.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(empty.headers.get('cache-control'), 'no-store');

    const { body: given } = await issue(admin);
    const genuine = await page(`/help/verify?reference=${encodeURIComponent(given.reference)}`);
    assert.match(genuine.html, /<h2 id="verdict">Genuine<\/h2>/);
    assert.match(
      genuine.html,
      /given by Ada &lt;Support&gt;, of Shop &lt;Dev&gt; &amp; &quot;Co&quot; support/,
    );
    assert.match(
      genuine.html,
      /valid until <time datetime="[^"]+">\d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC<\/time>/,
    );

    const fake = await page('/help/fr/verify?reference=CND-0000-0000');
    assert.match(fake.html, /<html lang="fr">/);
    assert.match(fake.html, /<label for="reference">Référence de support<\/label>/);
    assert.match(
      fake.html,
      /Ce n’est pas une référence valide de Shop &lt;Dev&gt; &amp; &quot;Co&quot; : ne leur donnez rien\./,
    );
    assert.match(fake.html, /href="\/help\/verify" lang="en"/, 'the other language keeps the page');

    const frGenuine = await page(`/help/fr/verify?reference=${given.reference}`);
    assert.match(
      frGenuine.html,
      /donnée par Ada &lt;Support&gt;.*valable jusqu’au <time[^>]*>\d{1,2} \S+ \d{4}/s,
    );
    // Markup typed in the field comes back as text.
    const hostile = await page('/help/verify?reference=%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
    assert.doesNotMatch(hostile.html, /<script>alert/);
    assert.match(hostile.html, /Not a current reference/);
  });

  it('sends /verify to the page in the reader’s language, keeping the reference', async () => {
    const en = await fetch(`${server.url}/verify?reference=CND-1234-5678`, { redirect: 'manual' });
    assert.equal(en.status, 302);
    assert.equal(en.headers.get('location'), '/help/verify?reference=CND-1234-5678');
    const fr = await fetch(`${server.url}/verify`, {
      redirect: 'manual',
      headers: { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' },
    });
    assert.equal(fr.headers.get('location'), '/help/fr/verify');
  });

  it('limits checks per client address, the page and the API sharing one budget', async () => {
    const address = freshAddress();
    for (let i = 0; i < 5; i++) assert.equal((await verify('CND-0000-0000', address)).status, 200);
    for (let i = 0; i < 5; i++) assert.equal((await page('/help/verify?reference=x', address)).status, 200);
    const refused = await verify('CND-0000-0000', address);
    assert.equal(refused.status, 429);
    const tooMany = await page('/help/verify?reference=CND-0000-0000', address);
    assert.equal(tooMany.status, 429);
    assert.match(tooMany.html, /Too many checks/);
    assert.ok(Number(tooMany.headers.get('retry-after')) > 0);
    // Without a reference the page is only a form: it costs nothing.
    assert.equal((await page('/help/verify', address)).status, 200);
    assert.equal((await verify('CND-0000-0000')).status, 200, 'another address is not limited');
  });
});

describeWithPostgres('checks of support references on two nodes', () => {
  const schema = freshSchema();
  let a: TestServer;
  let b: TestServer;

  before(async () => {
    const shared = {
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      trustProxy: TrustedProxies.parse('127.0.0.1'),
    };
    a = await startTestServer(shared);
    b = await startTestServer(shared);
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await adminQuery(`drop schema if exists ${schema} cascade`);
  });

  it('verifies on one node a reference given on the other, and counts checks on both together', async () => {
    const cookie = await logIn(a.url, ADMIN.email, ADMIN.password);
    const { body: given } = await helpers(() => a).issue(cookie);
    assert.equal((await helpers(() => b).verify(given.reference)).body.genuine, true);
    const address = freshAddress();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        helpers(() => (i % 2 === 0 ? a : b)).verify('CND-0000-0000', address),
      ),
    );
    assert.equal(results.filter((r) => r.status === 200).length, 10);
    assert.equal(results.filter((r) => r.status === 429).length, 6);
  });
});
