import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OriginPolicy } from './origin-policy';

describe('origin policy', () => {
  const policy = new OriginPolicy(['https://shop.example']);
  it('lets agents in only from the host serving the console', () => {
    assert.equal(policy.allowsAgent('https://chat.example', 'chat.example'), true);
    assert.equal(policy.allowsAgent('https://shop.example', 'chat.example'), false);
    assert.equal(policy.allowsAgent('null', 'chat.example'), false);
  });
  it('lets visitors in from configured sites and from Candor itself', () => {
    assert.equal(policy.allowsVisitor('https://shop.example', 'chat.example'), true);
    assert.equal(policy.allowsVisitor('https://SHOP.example', 'chat.example'), true);
    assert.equal(policy.allowsVisitor('https://chat.example', 'chat.example'), true);
    assert.equal(policy.allowsVisitor('https://evil.example', 'chat.example'), false);
  });
  it('accepts any site when configured with *', () => {
    assert.equal(new OriginPolicy(['*']).allowsVisitor('https://any.example', 'chat.example'), true);
  });
});
