import { after } from 'node:test';
import { openSqliteStore } from '../storage';
import { startTestSmtpServer, type TestSmtpServer } from '../testing/test-smtp-server';
import { describeMailerContract } from './mailer.contract';
import { OutboxMailer } from './outbox-mailer';
import { SmtpMailer } from './smtp-mailer';

const servers: TestSmtpServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describeMailerContract('smtp (real SMTP server)', async () => {
  const smtp = await startTestSmtpServer();
  servers.push(smtp);
  return {
    mailer: new SmtpMailer(smtp.url, 'Candor <support@example.test>'),
    delivered: async () => {
      await smtp.waitFor(1, 5_000).catch(() => undefined);
      return smtp.received;
    },
    breakDelivery: () => {
      smtp.refuse = true;
    },
  };
});

describeMailerContract('development outbox (store)', async () => {
  const store = await openSqliteStore({ file: ':memory:' });
  await store.migrate();
  let broken = false;
  const mailer = new OutboxMailer(
    {
      addOutboxMail: (m) => (broken ? Promise.reject(new Error('store down')) : store.addOutboxMail(m)),
    },
    Date.now,
  );
  return {
    mailer,
    delivered: () => store.listOutbox(100),
    breakDelivery: () => {
      broken = true;
    },
  };
});
