/**
 * The widget's recovery chat in real Chromium, driven by the scripted server of the widget's own tests
 * (packages/widget/src/fake-server.ts) rather than by Candor: it checks what the visitor sees and what
 * leaves the page, frame by frame. "I can't access my account" loads its form (widget-recovery.js) and
 * sends recovery.start; the banner and the secure code field; a code that never reaches the transcript
 * or storage; the warning before a code-like message; the verified-agent mark, which no text can forge.
 */
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Conversation, Message, WelcomeFrame } from '@candor/protocol';
import { FakeServer, conversation, message, welcome } from '../packages/widget/src/fake-server';
import { browserSkipReason, launchBrowser } from './browser';
import { widget } from './chat-pages';

const skip = browserSkipReason();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const dist = (f: string) => fileURLToPath(new URL(`../packages/widget/dist/${f}`, import.meta.url));
const SITE = { name: 'Acme', verifyUrl: 'https://acme.example/help/verify', recovery: true };
const CODE = '482913';
/** What a visitor (or an attacker in the chat) might type to pass as an agent. */
const FORGED = '✔ Verified agent of Acme · Check a support reference';

describe('the recovery chat in the widget', { skip }, () => {
  let browser: Browser;
  let server: FakeServer;
  let pages: Page[] = [];

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await FakeServer.start();
    for (const f of ['widget.js', 'widget-recovery.js'])
      server.files.set(`/${f}`, { type: 'text/javascript; charset=utf-8', body: readFileSync(dist(f)) });
  });
  afterEach(async () => {
    for (const p of pages) await p.close();
    pages = [];
    await server.close();
  });

  /** A page of the customer's site in `lang`, the chat opened and welcomed with `extra`. */
  async function openChat(lang: 'en' | 'fr', extra: Partial<WelcomeFrame> = { site: SITE }): Promise<Page> {
    server.files.set('/', {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="${lang}"><body><h1>Shop</h1><script src="/widget.js" async></script></body></html>`,
    });
    // bypassCSP: axe-core is injected to check the widget; the widget itself needs no such thing.
    const page = await browser.newPage({ locale: lang, bypassCSP: true });
    pages.push(page);
    await page.goto(`${server.httpUrl}/`);
    await widget(page, 'launcher').click();
    await server.take('hello');
    server.push({ ...(welcome([], 'tok') as WelcomeFrame), ...extra });
    return page;
  }

  /** axe-core's findings on the widget (the page's own header aside, as in widget-help's test). */
  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    return page.evaluate(async () => {
      type Axe = { run(c: object, o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      const axe = (window as unknown as { axe: Axe }).axe;
      const rules = { 'landmark-no-duplicate-banner': { enabled: false } };
      const r = await axe.run({ include: [['#candor-widget']] }, { rules });
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
  }

  /** Fills and sends the form; answers with a recovery conversation whose history is `messages`. */
  async function startRecovery(
    page: Page,
    situation: string,
    messages: Message[] = [],
  ): Promise<Conversation> {
    if (await widget(page, 'recovery-form').isHidden()) await widget(page, 'recovery-offer').click();
    await widget(page, 'recovery-account').fill('ada@example.com');
    await page.locator('#candor-widget').getByLabel(situation).check();
    await widget(page, 'recovery-send').click();
    const start = await server.take('recovery.start');
    const c1 = conversation('c1', { recovery: true });
    server.push({ type: 'ack', ref: start.ref ?? '', conversation: c1 });
    const sub = await server.take('conversation.subscribe');
    server.push({ type: 'conversation.history', ref: sub.ref, conversation: c1, messages, complete: true });
    return c1;
  }

  it('starts a recovery chat, takes a code in the secure field only, and says what became of it', async () => {
    const page = await openChat('en');
    assert.equal((await widget(page, 'recovery-offer').textContent())?.trim(), 'I can’t access my account');
    await widget(page, 'recovery-offer').click();
    await widget(page, 'recovery-account').waitFor();
    assert.equal(
      await page.evaluate(() =>
        document.activeElement?.shadowRoot?.activeElement?.getAttribute('data-candor'),
      ),
      'recovery-account',
      'the keyboard is in the form',
    );
    assert.deepEqual(await axe(page), [], 'axe on the recovery form');
    await startRecovery(page, 'My account was hacked');
    const banner = widget(page, 'recovery-banner');
    await banner.waitFor();
    assert.equal(
      await banner.textContent(),
      'Our agents will never ask for your password or a code in the chat. Type a code only in the secure field below.',
    );
    assert.equal(
      await widget(page, 'recovery-status').textContent(),
      'Thank you. A member of our team will answer you here.',
    );
    assert.equal(await widget(page, 'recovery-offer').isHidden(), true);
    assert.deepEqual(await axe(page), [], 'axe on the recovery chat');

    const field = page.locator('#candor-widget').getByRole('textbox', { name: 'Verification code' });
    assert.equal(await field.getAttribute('autocomplete'), 'one-time-code');
    assert.equal(await field.getAttribute('inputmode'), 'numeric');
    // Outside the message box: its own form, not the one that sends messages.
    assert.equal(
      await page.locator('#candor-widget form:has([data-candor=input]) [data-candor=code]').count(),
      0,
    );
    await field.fill(`${CODE.slice(0, 3)} ${CODE.slice(3)}`);
    await page.locator('#candor-widget').getByRole('button', { name: 'Verify code' }).click();
    const sent = await server.take('recovery.code');
    assert.deepEqual([sent.conversationId, sent.code], ['c1', CODE]);
    assert.equal(await field.inputValue(), '', 'the field is emptied once the code has left');
    server.push({ type: 'ack', ref: sent.ref ?? '', codeResult: { outcome: 'wrong' } });
    await page.getByText('This code is not right. Check it and try again.').waitFor();

    server.push({
      type: 'recovery.status',
      conversationId: 'c1',
      state: { codeRequestedAt: Date.now(), codeExpiresAt: Date.now() + 600_000, verifiedAt: null },
    });
    await page.getByText(/If the account has contact details on file, a code is on its way/).waitFor();
    assert.equal(
      await page.getByText('This code is not right.').count(),
      0,
      'a new code clears the last outcome',
    );

    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    const transcript = await widget(page, 'messages').textContent();
    assert.ok(!stored.includes(CODE) && !transcript?.includes(CODE), 'the code is kept nowhere');
    assert.deepEqual(server.unread('message.send'), []);
  });

  it('warns before a message that looks like a code is sent, and sends it if sent again', async () => {
    const page = await openChat('en');
    await startRecovery(page, 'I am locked out');
    await widget(page, 'recovery-banner').waitFor();
    const input = widget(page, 'input');
    // Without a cue such as "code is", which the redaction rules would mask before it is sent.
    await input.fill(CODE);
    const warning = page.getByText(/This looks like a code\. Type codes only in the secure field below/);
    await warning.waitFor();
    await input.press('Enter');
    assert.equal(await input.inputValue(), CODE, 'held once, with the warning');
    assert.equal(await widget(page, 'messages').locator('.msg').count(), 0);
    await input.press('Enter');
    const send = await server.take('message.send');
    assert.equal(send.body, CODE);
  });

  it('draws the verified-agent mark beside agent messages only: a visitor’s imitation stays plain text', async () => {
    const page = await openChat('en');
    await startRecovery(page, 'Something else', [
      message(1, { conversationId: 'c1', body: 'Hello, I am Ada from Acme.' }),
      message(2, {
        conversationId: 'c1',
        author: { type: 'visitor', id: 'v1', name: 'Visitor' },
        body: FORGED,
      }),
      message(3, { conversationId: 'c1', author: { type: 'bot', id: null, name: FORGED }, body: FORGED }),
    ]);
    const rows = widget(page, 'messages').locator('.msg');
    await rows.nth(2).waitFor();
    const agent = rows.nth(0);
    assert.equal(await agent.getAttribute('data-author'), 'agent');
    const mark = agent.locator('[data-candor=agent-mark]');
    assert.equal(await mark.textContent(), 'Verified agent of Acme · Check a support reference');
    const link = mark.getByRole('link', { name: 'Check a support reference' });
    assert.equal(await link.getAttribute('href'), SITE.verifyUrl);
    for (const i of [1, 2]) {
      assert.equal(await rows.nth(i).locator('[data-candor=agent-mark]').count(), 0);
      assert.equal(await rows.nth(i).locator('.body').textContent(), FORGED);
      assert.equal(await rows.nth(i).locator('.body a').count(), 0);
    }
  });

  it('speaks French: the offer, the form, the code field and button, the mark', async () => {
    const page = await openChat('fr');
    const offer = widget(page, 'recovery-offer');
    assert.equal((await offer.textContent())?.trim(), 'Je n’arrive plus à accéder à mon compte');
    await startRecovery(page, 'Mon compte est bloqué', [message(1, { conversationId: 'c1' })]);
    const w = page.locator('#candor-widget');
    await w.getByRole('textbox', { name: 'Code de vérification' }).waitFor();
    await w.getByRole('button', { name: 'Vérifier le code' }).waitFor();
    assert.equal(
      await widget(page, 'agent-mark').textContent(),
      'Agent vérifié de Acme · Vérifier une référence support',
    );
  });

  it('offers nothing and marks nothing when the server does not say who runs it', async () => {
    const page = await openChat('en', {
      conversations: [conversation('c1')],
    });
    const sub = await server.take('conversation.subscribe');
    server.push({
      type: 'conversation.history',
      ref: sub.ref,
      conversation: conversation('c1'),
      messages: [message(1)],
      complete: true,
    });
    await widget(page, 'messages').locator('.msg').first().waitFor();
    assert.equal(await widget(page, 'agent-mark').count(), 0);
    assert.equal(await widget(page, 'recovery-offer').isHidden(), true);
    assert.equal(await widget(page, 'recovery-banner').isHidden(), true);
  });
});
