import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config';

describe('configuration', () => {
  describe('mail', () => {
    it('sends by SMTP only with both CANDOR_SMTP_URL and CANDOR_MAIL_FROM, else keeps mail in the outbox', () => {
      assert.equal(loadConfig({}).smtp, undefined);
      assert.deepEqual(
        loadConfig({
          CANDOR_SMTP_URL: 'smtp://mail.example.com:587',
          CANDOR_MAIL_FROM: 'Support <help@example.com>',
        }).smtp,
        { url: 'smtp://mail.example.com:587', from: 'Support <help@example.com>' },
      );
      assert.throws(() => loadConfig({ CANDOR_SMTP_URL: 'smtp://mail.example.com' }), /set both/);
      assert.throws(() => loadConfig({ CANDOR_MAIL_FROM: 'help@example.com' }), /set both/);
    });

    it('refuses a URL that is not SMTP and a sender that is not an address, saying what to write', () => {
      const from = 'help@example.com';
      assert.throws(
        () => loadConfig({ CANDOR_SMTP_URL: 'http://mail.example.com', CANDOR_MAIL_FROM: from }),
        /smtp:\/\/ or smtps:\/\//,
      );
      assert.throws(
        () =>
          loadConfig({
            CANDOR_SMTP_URL: 'smtp://m.example.com',
            CANDOR_MAIL_FROM: 'help\r\nBcc: x@evil.test',
          }),
        /CANDOR_MAIL_FROM must be an address/,
      );
    });

    it('takes the public URL without its trailing slash', () => {
      assert.equal(
        loadConfig({ CANDOR_PUBLIC_URL: 'https://chat.example.com/' }).publicUrl,
        'https://chat.example.com',
      );
      assert.throws(() => loadConfig({ CANDOR_PUBLIC_URL: 'javascript:alert(1)' }), /CANDOR_PUBLIC_URL/);
    });
  });

  describe('CANDOR_TRUST_PROXY', () => {
    it('refuses `true`, saying what to write instead', () => {
      assert.throws(
        () => loadConfig({ CANDOR_TRUST_PROXY: 'true' }),
        /CANDOR_TRUST_PROXY: .*e\.g\. CANDOR_TRUST_PROXY=127\.0\.0\.1,10\.0\.0\.0\/8,::1/,
      );
    });

    it('takes addresses and CIDR ranges of both families, and refuses what is neither', () => {
      const { trustProxy } = loadConfig({ CANDOR_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' });
      assert.deepEqual(trustProxy.ranges, ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']);
      assert.throws(() => loadConfig({ CANDOR_TRUST_PROXY: '10.0.0.0/8,proxy.internal' }), /proxy\.internal/);
      assert.throws(() => loadConfig({ CANDOR_TRUST_PROXY: '10.0.0.0/40' }), /10\.0\.0\.0\/40/);
    });

    it('trusts no one when unset or `false`', () => {
      assert.deepEqual(loadConfig({}).trustProxy.ranges, []);
      assert.deepEqual(loadConfig({ CANDOR_TRUST_PROXY: 'false' }).trustProxy.ranges, []);
    });
  });

  describe('sockets per address', () => {
    it('has a budget for visitors and one for agents', () => {
      const config = loadConfig({
        CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP: '200',
        CANDOR_MAX_AGENT_CONNECTIONS_PER_IP: '20',
      });
      assert.equal(config.maxConnectionsPerIp, 200);
      assert.equal(config.maxAgentConnectionsPerIp, 20);
    });

    it("reads the old CANDOR_MAX_CONNECTIONS_PER_IP as the visitors' budget, and refuses both names at once", () => {
      assert.equal(loadConfig({ CANDOR_MAX_CONNECTIONS_PER_IP: '80' }).maxConnectionsPerIp, 80);
      assert.throws(
        () =>
          loadConfig({ CANDOR_MAX_CONNECTIONS_PER_IP: '80', CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP: '90' }),
        /CANDOR_MAX_VISITOR_CONNECTIONS_PER_IP/,
      );
    });
  });

  describe('site name', () => {
    it('defaults to the public URL’s host, else Candor, and takes a name of its own', () => {
      assert.equal(loadConfig({}).siteName, 'Candor');
      assert.equal(
        loadConfig({ CANDOR_PUBLIC_URL: 'https://help.shop.example/' }).siteName,
        'help.shop.example',
      );
      assert.equal(loadConfig({ CANDOR_SITE_NAME: '  Boutique Élodie ' }).siteName, 'Boutique Élodie');
    });

    it('refuses an empty name, a long one, and control or direction characters', () => {
      for (const name of [' ', 'x'.repeat(81), 'Shop\nAgent', 'Shop\u202Etnega'])
        assert.throws(() => loadConfig({ CANDOR_SITE_NAME: name }), /CANDOR_SITE_NAME/, JSON.stringify(name));
    });
  });

  describe('SMS (Twilio)', () => {
    const sid = `AC${'a1'.repeat(16)}`;
    const all = {
      CANDOR_TWILIO_ACCOUNT_SID: sid,
      CANDOR_TWILIO_AUTH_TOKEN: 'b'.repeat(32),
      CANDOR_SMS_FROM: '+14155550100',
    };

    it('sends by Twilio with the three set, else keeps texts in the outbox', () => {
      assert.equal(loadConfig({}).sms, undefined);
      assert.deepEqual(loadConfig(all).sms, {
        url: 'https://api.twilio.com',
        accountSid: sid,
        username: sid,
        password: 'b'.repeat(32),
        from: '+14155550100',
      });
      const key = `SK${'c3'.repeat(16)}`;
      assert.equal(loadConfig({ ...all, CANDOR_TWILIO_API_KEY: key }).sms?.username, key);
      for (const missing of Object.keys(all)) {
        const partial: Record<string, string> = { ...all };
        delete partial[missing];
        assert.throws(() => loadConfig(partial), /set all three/, missing);
      }
      assert.throws(() => loadConfig({ CANDOR_SMS_URL: 'https://api.twilio.com' }), /set all three/);
    });

    it('refuses a provider URL over plain HTTP unless it is loopback, and malformed identifiers', () => {
      assert.throws(() => loadConfig({ ...all, CANDOR_SMS_URL: 'http://sms.example.com' }), /HTTPS/);
      assert.equal(
        loadConfig({ ...all, CANDOR_SMS_URL: 'http://127.0.0.1:8080/' }).sms?.url,
        'http://127.0.0.1:8080',
      );
      assert.throws(
        () => loadConfig({ ...all, CANDOR_TWILIO_ACCOUNT_SID: 'AC123' }),
        /CANDOR_TWILIO_ACCOUNT_SID/,
      );
      assert.throws(() => loadConfig({ ...all, CANDOR_SMS_FROM: '0612345678' }), /CANDOR_SMS_FROM/);
    });
  });
});
