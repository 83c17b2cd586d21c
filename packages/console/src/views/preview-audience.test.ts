import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PREVIEW_AUDIENCE } from './preview-audience';

// The server relays drafts to the assignee and to admins following the conversation
// (realtime/typing-preview.test.ts, "reaches the assignee and watching admins only"): the page says so.
describe('admin page: who sees drafts', () => {
  it('names the assigned agent and admins, and does not claim the assignee alone', () => {
    assert.match(PREVIEW_AUDIENCE, /assigned agent/);
    assert.match(PREVIEW_AUDIENCE, /any admin/);
    assert.doesNotMatch(PREVIEW_AUDIENCE, /only the assign|assigned agent sees/i);
  });
});
