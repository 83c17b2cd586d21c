/** Admins' redaction rules through a real server: refused with the reason, or masking every message. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';

describe('redaction rules over REST', () => {
  let server: TestServer;
  let admin: string;
  const post = (path: string, body: object) =>
    fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify(body),
    });

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  it('refuses a rule that cannot run in linear time with 400 and the reason, at save and at test', async () => {
    const cases: [string, RegExp][] = [
      ['(\\w+)\\1', /backreferences/],
      ['(?=\\d{6})\\w+', /lookahead and lookbehind/],
      ['ref.*?end', /lazy quantifiers/],
    ];
    for (const [pattern, reason] of cases) {
      const rule = { label: 'bad', pattern, validator: 'none' };
      for (const res of [
        await post('/redaction-rules', rule),
        await post('/redaction-rules/test', { ...rule, sample: 'x' }),
      ]) {
        assert.equal(res.status, 400, pattern);
        const { error } = (await res.json()) as { error: { code: string; message: string } };
        assert.equal(error.code, 'bad_frame');
        assert.match(error.message, /^This pattern cannot be used: /);
        assert.match(error.message, reason);
      }
    }
    const list = (await (
      await fetch(`${server.url}/api/v1/redaction-rules`, { headers: { cookie: admin } })
    ).json()) as {
      rules: unknown[];
    };
    assert.deepEqual(list.rules, [], 'nothing was saved');
  });

  it('masks messages with an accepted rule, and a once-catastrophic one answers a hostile message at once', async () => {
    for (const pattern of ['EMP-\\d{6}', '(a|a)+$', '(.*b){12}$'])
      assert.equal(
        (await post('/redaction-rules', { label: `rule ${pattern}`, pattern, validator: 'none' })).status,
        201,
      );
    const { client: visitor, welcome } = await TestClient.hello(server.wsUrl, 'visitor');
    assert.equal(welcome.redactionRules?.length, 3, 'the widget gets the rules to run them too');

    const sent = await visitor.sendMessage(null, 'my id is emp-004217');
    assert.equal(sent.body, 'my id is [rule EMP-\\d{6} hidden]');
    // 26 characters stalled the old engine 610 ms, doubling with each one; this is 4,000.
    const hostile = 'a'.repeat(3_999) + '!';
    const stored = await visitor.sendMessage(sent.conversationId, hostile);
    assert.equal(stored.body, hostile, 'no match, nothing masked, and an answer');
    const masked = await visitor.sendMessage(sent.conversationId, 'b'.repeat(3_000) + 'a'.repeat(999));
    assert.equal(masked.body, 'b'.repeat(3_000) + '[rule (a|a)+$ hidden]', 'the trailing run of a is masked');
    visitor.close();
  });
});

describe('redaction rules together', () => {
  it('refuses a rule that would take all rules over their budget of states, with 400 and the reason', async () => {
    const server = await startTestServer();
    try {
      const admin = await logIn(server.url, ADMIN.email, ADMIN.password);
      const add = (label: string) =>
        fetch(`${server.url}/api/v1/redaction-rules`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: admin },
          body: JSON.stringify({ label, pattern: '#\\w{1,249}', validator: 'none' }), // 499 states with its match state
        });
      for (const label of ['a', 'b', 'c', 'd']) assert.equal((await add(label)).status, 201);
      const res = await add('e');
      assert.equal(res.status, 400);
      const { error } = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(error.code, 'bad_frame');
      assert.match(error.message, /^This pattern cannot be used: all rules together would be too large/);
    } finally {
      await server.close();
    }
  });
});

describe('redaction rules stored by an older version', () => {
  it('do not stop a node from starting: skipped, logged, and the other rules still mask', async () => {
    const first = await startTestServer();
    const dataDir = first.dataDir;
    const now = Date.now();
    const createdBy = (await first.store.listAgents())[0]!.id;
    await first.store.createRedactionRule({
      id: 'old',
      label: 'old',
      pattern: '(\\d+)\\1x',
      validator: 'none',
      createdBy,
      now,
    });
    await first.store.createRedactionRule({
      id: 'ok',
      label: 'member',
      pattern: 'M-\\d{5}',
      validator: 'none',
      createdBy,
      now,
    });
    await first.stop();

    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const server = await startTestServer({ dataDir }, log);
    try {
      const warning = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.ruleId === 'old');
      assert.equal(warning?.msg, 'redaction rule disabled: it cannot be used');
      assert.match(String(warning?.reason), /backreferences/);
      const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
      const sent = await visitor.sendMessage(null, '1212x and M-12345');
      assert.equal(sent.body, '1212x and [member hidden]');
      visitor.close();
    } finally {
      await server.close();
    }
  });
});
