import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mailLanguage } from './mail-texts';
import { replyMail, transcriptMail, type VisibleMessage } from './visitor-mail';

const at = Date.UTC(2026, 11, 3, 14, 5);
const agent = (body: string): VisibleMessage => ({
  authorType: 'agent',
  authorName: 'Ada <Lovelace>',
  body,
  createdAt: at,
});

describe('visitor emails', () => {
  it("a reply mail holds the agent's words in text and HTML, escaped in HTML, and the link", () => {
    const mail = replyMail(
      'en',
      [agent('Try <b>this</b> & that\nthen reload')],
      'https://shop.example/cart#candor-reopen=abc',
    );
    assert.equal(mail.subject, 'New reply to your conversation');
    assert.match(mail.text, /Try <b>this<\/b> & that\nthen reload/);
    assert.match(mail.text, /Continue the conversation: https:\/\/shop\.example\/cart#candor-reopen=abc/);
    assert.match(mail.html, /Try &lt;b&gt;this&lt;\/b&gt; &amp; that<br>then reload/);
    assert.match(mail.html, /Ada &lt;Lovelace&gt;/);
    assert.doesNotMatch(mail.html, /<b>this/);
    assert.match(mail.html, /<a href="https:\/\/shop\.example\/cart#candor-reopen=abc">/);
  });

  it('speaks French to a French visitor', () => {
    const mail = replyMail(mailLanguage('fr-CA'), [agent('Bonjour')], 'https://x.example/#candor-reopen=t');
    assert.equal(mail.subject, 'Nouvelle réponse à votre conversation');
    assert.match(mail.text, /Reprendre la conversation/);
    assert.match(mail.html, /<html lang="fr">/);
    assert.equal(mailLanguage(null, 'en-GB'), 'en');
    assert.equal(mailLanguage(undefined, null), 'en');
  });

  it("a transcript names the visitor 'You' and shows times in their zone", () => {
    const mail = transcriptMail(
      'en',
      [{ authorType: 'visitor', authorName: 'Blue Fox', body: 'Hello', createdAt: at }, agent('Hi!')],
      'Europe/Paris',
    );
    assert.match(mail.text, /\] You:\nHello/);
    assert.match(mail.text, /\] Ada <Lovelace>:\nHi!/);
    assert.match(mail.text, /3:05/); // 14:05 UTC is 15:05 in Paris
    assert.doesNotMatch(mail.text, /Blue Fox/);
    // An unknown zone falls back to UTC rather than failing.
    assert.match(transcriptMail('fr', [agent('x')], 'Mars/Olympus').text, /14:05/);
  });
});
