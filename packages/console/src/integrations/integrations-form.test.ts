import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API_TOKEN_SCOPES, WEBHOOK_EVENTS } from '@candor/protocol';
import {
  attemptsKey,
  deliveryStatusKey,
  eventKey,
  readTokenForm,
  readWebhookForm,
  scopeKey,
  toggled,
} from './integrations-form';
import { INTEGRATIONS_CATALOGUES, sayIntegrations } from './integrations-text';

describe('integrations forms', () => {
  it('a token needs a name and a scope; the name is trimmed and scopes keep the contract order', () => {
    assert.deepEqual(readTokenForm('  ', []), { ok: false, problems: ['nameMissing', 'scopeMissing'] });
    assert.deepEqual(readTokenForm(' Shop ', ['webhooks:write', 'accounts:write']), {
      ok: true,
      value: { name: 'Shop', scopes: ['accounts:write', 'webhooks:write'] },
    });
  });

  it('a webhook needs an http(s) address and an event; the private-address check is the server’s', () => {
    assert.deepEqual(readWebhookForm('', ['recovery.action.approved']), {
      ok: false,
      problems: ['urlMissing'],
    });
    for (const bad of ['shop.example/hook', 'ftp://shop.example/', 'javascript:alert(1)'])
      assert.deepEqual(readWebhookForm(bad, ['recovery.action.approved']), {
        ok: false,
        problems: ['urlInvalid'],
      });
    assert.deepEqual(readWebhookForm('https://shop.example/hook', []), {
      ok: false,
      problems: ['eventMissing'],
    });
    assert.deepEqual(readWebhookForm(' https://10.0.0.1/hook ', ['recovery.action.refused']), {
      ok: true,
      value: { url: 'https://10.0.0.1/hook', events: ['recovery.action.refused'] },
    });
  });

  it('toggling a choice adds or removes it, in the contract order', () => {
    assert.deepEqual(toggled(API_TOKEN_SCOPES, ['webhooks:write'], 'accounts:read', true), [
      'accounts:read',
      'webhooks:write',
    ]);
    assert.deepEqual(toggled(API_TOKEN_SCOPES, ['accounts:read', 'webhooks:write'], 'accounts:read', false), [
      'webhooks:write',
    ]);
  });

  it('every scope, event and delivery status has words in English and French', () => {
    for (const lang of ['en', 'fr'] as const) {
      for (const scope of API_TOKEN_SCOPES)
        assert.match(sayIntegrations(scopeKey(scope), {}, lang), new RegExp(scope));
      for (const event of WEBHOOK_EVENTS) {
        const key = eventKey(event);
        assert.ok(key);
        assert.match(sayIntegrations(key, {}, lang), new RegExp(event.replace(/\./g, '\\.')));
      }
      for (const status of ['pending', 'delivered', 'failed'] as const)
        assert.ok(sayIntegrations(deliveryStatusKey(status), {}, lang));
    }
    assert.equal(eventKey('some.future.event'), null);
    assert.equal(sayIntegrations(attemptsKey(1), { count: 1 }, 'en'), '1 attempt');
    assert.equal(sayIntegrations(attemptsKey(3), { count: 3 }, 'fr'), '3 tentatives');
  });

  it('the French catalogue differs from the English one for every control', () => {
    const { en, fr } = INTEGRATIONS_CATALOGUES;
    for (const key of ['createToken', 'revoke', 'copy', 'addWebhook', 'ping', 'delete', 'tokenName'] as const)
      assert.notEqual(fr[key], en[key], key);
  });
});
