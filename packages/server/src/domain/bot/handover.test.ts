import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AnswerSource, BotAnswer } from './answerer';
import { INITIAL_BOT_STATE, stepBot, type BotEvent, type BotState } from './handover';
import { botText } from './bot-texts';

const source = (slug: string, confidence: number): AnswerSource => ({
  articleId: `fr/${slug}`,
  slug,
  title: slug,
  excerpt: `About ${slug}.`,
  confidence,
});
const sure: BotAnswer = {
  sources: [source('delai-remboursement', 0.9), source('mode-remboursement', 0.7)],
  confidence: 0.9,
};
const unsure: BotAnswer = { sources: [source('facture', 0.1)], confidence: 0.1 };
const message = (text: string, answer: BotAnswer = sure): BotEvent => ({ type: 'message', text, answer });
const no: BotEvent = { type: 'feedback', helpful: false };
const yes: BotEvent = { type: 'feedback', helpful: true };

function run(...events: BotEvent[]) {
  let state: BotState = INITIAL_BOT_STATE;
  const replies = [];
  for (const e of events) {
    const step = stepBot(state, e);
    state = step.state;
    replies.push(step.reply);
  }
  return { state, replies };
}

describe('the bot turn', () => {
  it('answers a question with the best article; Yes ends the turn', () => {
    const { state, replies } = run(message('je veux être remboursé'), yes);
    assert.deepEqual(replies[0], {
      type: 'answer',
      source: sure.sources[0],
      confidence: 0.9,
      secondTry: false,
    });
    assert.deepEqual(replies[1], { type: 'glad-it-helped' });
    assert.equal(state.phase, 'answered');
  });

  it('on No offers the next best article once, then hands over', () => {
    const { state, replies } = run(message('remboursement ?'), no, no);
    assert.equal(replies[1]?.type === 'answer' && replies[1].source.slug, 'mode-remboursement');
    assert.equal(replies[1]?.type === 'answer' && replies[1].secondTry, true);
    assert.deepEqual(replies[2], { type: 'handover', reason: 'missed-twice' });
    assert.deepEqual(state, { phase: 'handed-over', reason: 'missed-twice' });
  });

  it('on No hands over when there is no next best worth offering', () => {
    const lonely: BotAnswer = { sources: [source('garantie', 0.8), source('facture', 0.1)], confidence: 0.8 };
    assert.deepEqual(run(message('garantie', lonely), no).replies[1], {
      type: 'handover',
      reason: 'low-confidence',
    });
  });

  it('hands over after two misses in a row: a No, then a new question instead of a Yes', () => {
    const { replies } = run(message('remboursement ?'), no, message('et pour un échange ?'));
    assert.deepEqual(replies[2], { type: 'handover', reason: 'missed-twice' });
  });

  it('a Yes resets the misses', () => {
    const { replies } = run(message('a'), no, yes, message('b'), no);
    assert.equal(replies[4]?.type, 'answer');
  });

  it('hands over at once when the answerer is not confident', () => {
    assert.deepEqual(run(message('vous vendez des vélos ?', unsure)).replies[0], {
      type: 'handover',
      reason: 'low-confidence',
    });
    assert.deepEqual(run(message('???', { sources: [], confidence: 0 })).state.phase, 'handed-over');
  });

  it('hands over when the visitor asks for a person, typed in either language or by the button', () => {
    for (const e of [
      message('je veux parler à quelqu’un'),
      message('human please'),
      { type: 'person-requested' } as const,
    ])
      assert.deepEqual(run(message('remboursement'), e).replies[1], {
        type: 'handover',
        reason: 'requested',
      });
  });

  it('hands over when the visitor is frustrated, in either language', () => {
    for (const text of ['ça ne marche toujours pas', 'still not working', 'WHERE IS MY MONEY', 'allo???'])
      assert.deepEqual(run(message(text)).replies[0], { type: 'handover', reason: 'frustrated' }, text);
  });

  it('stays silent once handed over, and ignores feedback nobody was asked for', () => {
    const { state, replies } = run(message('agent'), message('remboursement'), yes);
    assert.equal(state.phase, 'handed-over');
    assert.deepEqual(replies.slice(1), [{ type: 'silent' }, { type: 'silent' }]);
    assert.deepEqual(run(yes).replies[0], { type: 'silent' });
  });

  it('says each step in the visitor’s language', () => {
    const { replies } = run(message('remboursement'), no, no);
    assert.equal(botText(replies[0]!, 'fr'), 'Cet article devrait vous aider :');
    assert.equal(botText(replies[1]!, 'en'), 'Sorry about that. Maybe this one:');
    assert.match(botText(replies[2]!, 'fr'), /membre de l’équipe/);
    assert.match(botText(replies[2]!, 'en'), /member of the team/);
  });
});
