import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redact } from './index';

const masked = (text: string) => redact(text).text;
const KEY = '[API key hidden]';

describe('API keys in known formats', () => {
  it('AWS, GitHub, Slack, Stripe, Google, OpenAI-style, GitLab, npm', () => {
    for (const key of [
      'AKIAIOSFODNN7EXAMPLE',
      'ghp_' + 'a1B2c3D4e5'.repeat(3) + 'abcdef',
      'github_pat_' + 'A'.repeat(22) + '_' + 'b'.repeat(59),
      'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
      'sk_live_' + '4eC39HqLyjWDarjtT1zdp7dc',
      'rk_live_' + '4eC39HqLyjWDarjtT1zdp7dc',
      'AIza' + 'SyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY',
      'sk-' + 'abcdefghijklmnopqrstuvwxyz123456',
      'sk-proj-' + 'abcDEF123_-ghiJKL456mnoPQR789',
      'glpat-' + 'xxxxxxxxxxxxxxxxxxxx',
      'npm_' + 'a'.repeat(36),
    ])
      assert.equal(masked(`here: ${key} ok`), `here: ${KEY} ok`, key);
  });
  it('JWTs and bearer tokens', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    assert.equal(masked(`token ${jwt}`), 'token [token hidden]');
    assert.equal(
      masked('Authorization: Bearer abcdef1234567890abcdef'),
      'Authorization: Bearer [token hidden]',
    );
  });
  it('PEM private keys, even before the END line is typed', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabc==\n-----END RSA PRIVATE KEY-----';
    assert.equal(masked(`here:\n${pem}\nthanks`), 'here:\n[private key hidden]\nthanks');
    assert.equal(masked('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA'), '[private key hidden]');
  });
});

describe('keys given in context', () => {
  it('after "API key", "token", "secret", "clé API", env variables', () => {
    assert.equal(masked('my API key is 3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c'), `my API key is ${KEY}`);
    assert.equal(masked('clé API : 3f9a8b7c6d5e4f3a2b1c'), `clé API : ${KEY}`);
    assert.equal(
      masked('AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'),
      `AWS_SECRET_ACCESS_KEY=${KEY}`,
    );
  });
  it('leaves look-alikes', () => {
    for (const text of [
      'we use sk-learn for the model',
      'Bearer of bad news, sorry',
      'xoxo, Marie',
      'my API key expired',
      'the secret is to restart the app',
      '-----BEGIN CERTIFICATE----- is what I see',
      'see https://example.com/docs/getting-started/authentication',
      'the token ring network is down',
    ])
      assert.equal(masked(text), text);
  });
});
