import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPrivateAddress, webhookUrlProblem } from './private-addresses';

test('loopback, private, link-local and metadata addresses are private; public ones are not', () => {
  for (const a of [
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
    'nonsense',
  ])
    assert.equal(isPrivateAddress(a), true, a);
  for (const a of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])
    assert.equal(isPrivateAddress(a), false, a);
});

test('a webhook URL is http(s), without credentials, and not private unless allowed', () => {
  assert.equal(webhookUrlProblem('https://shop.example.com/hooks/candor', false), undefined);
  assert.match(webhookUrlProblem('ftp://example.com/x', false) ?? '', /http/);
  assert.match(webhookUrlProblem('https://u:p@example.com/x', false) ?? '', /credentials/);
  assert.match(webhookUrlProblem('not a url', false) ?? '', /not a URL/);
  for (const u of [
    'http://127.0.0.1:8080/x',
    'http://localhost/x',
    'http://[::1]/x',
    'http://169.254.169.254/latest',
  ])
    assert.match(webhookUrlProblem(u, false) ?? '', /private/, u);
  assert.equal(webhookUrlProblem('http://127.0.0.1:8080/x', true), undefined);
});
