/**
 * On a real server: a visitor rates a resolved conversation once per resolution, agents see it and list
 * it for reports; admins read and set an inbox's business hours, and the widget's welcome says them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Activity, InboxHoursResponse, RatingsResponse, Schedule } from '@candor/protocol';
import { ADMIN, startTestServer, type TestServer } from '../../testing/test-server';
import { logIn, TestClient } from '../../testing/test-client';

describe('satisfaction and business hours', () => {
  let server: TestServer;
  let admin: string;

  before(async () => {
    server = await startTestServer();
    admin = await logIn(server.url, ADMIN.email, ADMIN.password);
  });
  after(() => server.close());

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers: { cookie: admin, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });

  it('rates once per resolution: a second rating is refused and changes nothing; reopened, it may be rated again', async () => {
    const { client: visitor } = await TestClient.hello(server.wsUrl, 'visitor');
    const { client: agent } = await TestClient.hello(server.wsUrl, 'agent', { cookie: admin });
    const message = await visitor.sendMessage(null, 'Où est mon colis ?');
    const conversationId = message.conversationId;
    const rate = (score: number, comment?: string) =>
      visitor.request({ type: 'conversation.rate', conversationId, score, ...(comment ? { comment } : {}) });

    const early = await rate(5);
    assert.equal(early.type === 'error' && early.code, 'conflict', 'an open conversation cannot be rated');

    agent.send({ type: 'conversation.subscribe', ref: 'sub', conversationId, afterSeq: 0 });
    await agent.next('conversation.history');
    assert.equal((await agent.request({ type: 'conversation.resolve', conversationId })).type, 'ack');
    const hostile = '<img src=x onerror=alert(1)> \u0000 Merci !';
    const first = await rate(4, hostile);
    assert.equal(first.type, 'ack');
    assert.equal(first.type === 'ack' && first.rating?.score, 4);

    // The agent following the conversation sees the rating in its activity trail.
    const rated = await agent.waitFor(
      (f): f is { type: 'activity.recorded'; activity: Activity } =>
        f.type === 'activity.recorded' && f.activity.kind === 'rated',
    );
    assert.equal(rated.activity.detail.score, '4');
    assert.equal(rated.activity.detail.comment, '<img src=x onerror=alert(1)> \uFFFD Merci !');

    const second = await rate(1, 'changed my mind');
    assert.equal(second.type === 'error' && second.code, 'conflict');
    assert.match(second.type === 'error' ? second.message : '', /rated already/);

    const tooLong = await rate(3, 'x'.repeat(1001));
    assert.equal(tooLong.type === 'error' && tooLong.code, 'too_large');
    const outOfRange = await rate(6);
    assert.equal(outOfRange.type === 'error' && outOfRange.code, 'bad_frame');

    let listed = (await (await api(`/ratings?conversation=${conversationId}`)).json()) as RatingsResponse;
    assert.deepEqual(
      listed.ratings.map((r) => [r.resolution, r.score]),
      [[1, 4]],
    );

    // Reopened by the visitor's message, resolved again: a new resolution, rated again.
    await visitor.sendMessage(conversationId, 'Finalement non, toujours rien');
    assert.equal((await agent.request({ type: 'conversation.resolve', conversationId })).type, 'ack');
    assert.equal((await rate(2)).type, 'ack');
    listed = (await (await api(`/ratings?conversation=${conversationId}`)).json()) as RatingsResponse;
    assert.deepEqual(
      listed.ratings.map((r) => [r.resolution, r.score]),
      [
        [2, 2],
        [1, 4],
      ],
    );
    visitor.close();
    agent.close();
  });

  it('lists ratings for reports by inbox and dates, page by page; visitors cannot list them', async () => {
    const page1 = (await (await api('/ratings?inbox=default&limit=1')).json()) as RatingsResponse;
    assert.equal(page1.ratings.length, 1);
    assert.ok(page1.nextCursor);
    const page2 = (await (
      await api(`/ratings?inbox=default&limit=1&cursor=${page1.nextCursor}`)
    ).json()) as RatingsResponse;
    assert.notEqual(page2.ratings[0]?.id, page1.ratings[0]?.id);
    const future = (await (await api('/ratings?from=2999-01-01T00:00:00Z')).json()) as RatingsResponse;
    assert.deepEqual(future.ratings, []);
    assert.equal((await api('/ratings?cursor=not-a-cursor')).status, 400);
    assert.equal((await api('/ratings?limit=100000')).status, 400);
    assert.equal((await fetch(`${server.url}/api/v1/ratings`)).status, 401);
  });

  it('admins read and set an inbox hours; hostile schedules are refused with a clear error', async () => {
    assert.deepEqual(await (await api('/inboxes/default/hours')).json(), { hours: null });
    const put = (hours: unknown) =>
      api('/inboxes/default/hours', { method: 'PUT', body: JSON.stringify({ hours }) });
    const refused = async (hours: unknown, pattern: RegExp) => {
      const res = await put(hours);
      assert.equal(res.status, 400);
      assert.match(((await res.json()) as { error: { message: string } }).error.message, pattern);
    };
    const base: Schedule = {
      timeZone: 'Europe/Paris',
      weekly: [{ day: 'mon', open: '09:00', close: '17:00' }],
      holidays: [],
    };
    await refused({ ...base, timeZone: 'Mars/Olympus' }, /Unknown time zone/);
    await refused(
      { ...base, weekly: [{ day: 'mon', open: '17:00', close: '09:00' }] },
      /closes before it opens/,
    );
    await refused(
      {
        ...base,
        weekly: [
          { day: 'mon', open: '09:00', close: '12:00' },
          { day: 'mon', open: '11:00', close: '18:00' },
        ],
      },
      /overlap/,
    );
    await refused({ ...base, holidays: Array.from({ length: 5000 }, () => '2026-01-01') }, /holidays/);
    await refused({ ...base, weekly: 'always' }, /weekly/);
    assert.deepEqual(await (await api('/inboxes/default/hours')).json(), { hours: null }, 'nothing stored');

    await refused(
      { ...base, holidays: ['2026-12-25'], holidayLabels: { '2026-12-24': 'Eve' } },
      /not a holiday/,
    );
    const labelled = { ...base, holidays: ['2026-12-25'], holidayLabels: { '2026-12-25': ' Noël ' } };
    assert.equal((await put(labelled)).status, 200);
    const read = (await (await api('/inboxes/default/hours')).json()) as InboxHoursResponse;
    assert.deepEqual(read.hours, { ...labelled, holidayLabels: { '2026-12-25': 'Noël' } });
    assert.equal(typeof read.status?.open, 'boolean', 'with hours, whether the inbox is open now');

    // Never open: closed, with no next opening to announce.
    const never = await put({ ...base, weekly: [] });
    assert.deepEqual(((await never.json()) as InboxHoursResponse).status, { open: false, nextOpening: null });

    assert.equal((await put(base)).status, 200);
    assert.deepEqual(
      ((await (await api('/inboxes/default/hours')).json()) as InboxHoursResponse).hours,
      base,
    );
    assert.equal((await api('/inboxes/nope/hours')).status, 404);

    // An agent reads the hours of their inbox but may not change them.
    const email = `kim-${randomUUID()}@example.test`;
    const created = await api('/agents', { method: 'POST', body: JSON.stringify({ email, name: 'Kim' }) });
    const { password } = (await created.json()) as { password: string };
    const kim = await logIn(server.url, email, password);
    const asKim = (init: RequestInit = {}) =>
      fetch(`${server.url}/api/v1/inboxes/default/hours`, {
        ...init,
        headers: { cookie: kim, 'content-type': 'application/json' },
      });
    const hoursOf = async (res: Response) => ((await res.json()) as InboxHoursResponse).hours;
    assert.deepEqual(await hoursOf(await asKim()), base);
    const refusedPut = await asKim({ method: 'PUT', body: JSON.stringify({ hours: null }) });
    assert.equal(refusedPut.status, 403);
    assert.deepEqual(await hoursOf(await asKim()), base, 'unchanged');
  });

  it("the visitor's welcome says whether the team is open and, when closed, the next opening", async () => {
    const allDay = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
      day,
      open: '00:00',
      close: '24:00',
    }));
    const put = (hours: Schedule) =>
      api('/inboxes/default/hours', { method: 'PUT', body: JSON.stringify({ hours }) });
    await put({ timeZone: 'UTC', weekly: allDay, holidays: [] });
    let { welcome, client } = await TestClient.hello(server.wsUrl, 'visitor');
    assert.deepEqual(welcome.hours, { open: true, nextOpening: null });
    client.close();

    // Closed today and tomorrow (holidays, UTC): back at midnight UTC the day after.
    const day = (k: number) => new Date(Date.now() + k * 86_400_000).toISOString().slice(0, 10);
    await put({ timeZone: 'UTC', weekly: allDay, holidays: [day(0), day(1)] });
    ({ welcome, client } = await TestClient.hello(server.wsUrl, 'visitor'));
    assert.deepEqual(welcome.hours, { open: false, nextOpening: `${day(2)}T00:00:00.000Z` });
    client.close();

    await api('/inboxes/default/hours', { method: 'PUT', body: JSON.stringify({ hours: null }) });
    ({ welcome, client } = await TestClient.hello(server.wsUrl, 'visitor'));
    assert.equal(welcome.hours, undefined, 'no hours: always open, nothing said');
    client.close();
  });
});
