import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { neighbour, shortcutFor, SHORTCUTS, type KeyLike } from './shortcuts';

const on = (tagName: string, extra: object = {}) => ({ tagName, closest: () => null, ...extra });
const press = (key: string, over: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: on('BODY'),
  ...over,
});

describe('shortcutFor', () => {
  it('maps the documented keys to their actions', () => {
    for (const s of SHORTCUTS) assert.equal(shortcutFor(press(s.key)), s.action);
    assert.equal(shortcutFor(press('x')), null);
    assert.equal(shortcutFor(press('J')), null, 'Shift+J is not j');
  });

  it('never fires while typing in a field, in an editable element or inside an open dialog', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT', 'textarea'])
      assert.equal(shortcutFor(press('e', { target: on(tag) })), null, tag);
    assert.equal(shortcutFor(press('e', { target: on('DIV', { isContentEditable: true }) })), null);
    assert.equal(shortcutFor(press('j', { target: on('BUTTON', { closest: () => ({}) }) })), null);
    assert.equal(shortcutFor(press('e', { target: null })), 'resolve');
  });

  it('leaves keys with Ctrl, Alt or Meta to the browser, and IME composition alone', () => {
    assert.equal(shortcutFor(press('r', { ctrlKey: true })), null);
    assert.equal(shortcutFor(press('r', { metaKey: true })), null);
    assert.equal(shortcutFor(press('a', { altKey: true })), null);
    assert.equal(shortcutFor(press('a', { isComposing: true })), null);
  });
});

describe('neighbour', () => {
  it('moves through the list shown, stopping at its ends', () => {
    const ids = ['a', 'b', 'c'];
    assert.equal(neighbour(ids, 'a', 1), 'b');
    assert.equal(neighbour(ids, 'c', 1), 'c');
    assert.equal(neighbour(ids, 'b', -1), 'a');
    assert.equal(neighbour(ids, 'a', -1), 'a');
  });

  it('starts at the first (or last) when none is open or the open one is not listed', () => {
    assert.equal(neighbour(['a', 'b'], null, 1), 'a');
    assert.equal(neighbour(['a', 'b'], 'zz', -1), 'b');
    assert.equal(neighbour([], null, 1), null);
  });
});
