import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { previewAudience } from './preview-audience';

// The server relays drafts to the assignee and to admins following the conversation
// (realtime/typing-preview.test.ts, "reaches the assignee and watching admins only"): the page says so.
describe('admin page: who sees drafts', () => {
  it('names the assigned agent and admins, and does not claim the assignee alone', () => {
    assert.match(previewAudience('en'), /assigned agent/);
    assert.match(previewAudience('en'), /any admin/);
    assert.doesNotMatch(previewAudience('en'), /only the assign|assigned agent sees/i);
  });

  it('says the same in French', () => {
    assert.match(previewAudience('fr'), /l’agent attribué et tout administrateur/);
    assert.doesNotMatch(previewAudience('fr'), /seul l’agent/i);
  });
});
