import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { compileRules, redact, validateRule } from '@candor/protocol';
import { createRedactionRuleBody, testRedactionRuleBody, updateInboxBody } from '@candor/protocol/schemas';
import { assertAdmin } from '../../domain/access';
import { visibleInboxes } from '../../domain/agent-lifecycle';
import { DomainError } from '../../domain/errors';
import { setInboxPolicy } from '../../commands/set-inbox-policy';
import { inboxesWithContact, setInboxContactSettings } from '../../commands/contacts/inbox-contact-settings';
import { setInboxBot } from '../../commands/bot/set-inbox-bot';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

/** Inbox typing-preview policies and admins' redaction rules. Every node learns of changes by event. */
export function settingsRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  const publishRules = async () =>
    ctx.emit({ type: 'redaction_rules.changed', rules: await ctx.store.listRedactionRules() });
  const checked = (rule: { label: string; pattern: string; validator: 'none' | 'luhn' | 'iban' }) => {
    // Alone, then with the rules already there: all of them together have a budget of states.
    const problem =
      validateRule(rule) ??
      compileRules([...ctx.settings.rules, { id: 'candidate', ...rule }]).refused.find(
        (r) => r.rule.id === 'candidate',
      )?.reason;
    if (problem) throw new DomainError('bad_frame', `This pattern cannot be used: ${problem}`);
    return rule;
  };

  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .get('/inboxes', async (c) =>
      c.json({ inboxes: visibleInboxes(c.get('session').actor, await inboxesWithContact(ctx)) }),
    )
    .patch('/inboxes/:id', async (c) => {
      assertAdmin(c.get('session').actor);
      const body = await parseBody(c, updateInboxBody);
      const { previewPolicy } = body;
      const id = c.req.param('id');
      if (previewPolicy !== undefined) {
        await setInboxPolicy(ctx, id, previewPolicy);
        deps.log.info(
          { inboxId: id, previewPolicy, by: c.get('session').agent.id },
          'preview policy changed',
        );
      }
      if (body.preChatForm !== undefined || body.identity !== undefined) {
        await setInboxContactSettings(ctx, id, body);
        // Whether a secret was set or removed, never the secret.
        deps.log.info(
          {
            inboxId: id,
            preChatForm: body.preChatForm,
            enforce: body.identity?.enforce,
            secret:
              body.identity?.secret === undefined
                ? undefined
                : body.identity.secret === null
                  ? 'removed'
                  : 'set',
            by: c.get('session').agent.id,
          },
          'contact settings changed',
        );
      }
      if (body.bot !== undefined) {
        await setInboxBot(ctx, id, body.bot.enabled);
        deps.log.info({ inboxId: id, bot: body.bot.enabled, by: c.get('session').agent.id }, 'bot switched');
      }
      const inbox = (await inboxesWithContact(ctx)).find((i) => i.id === id);
      if (!inbox) throw new DomainError('not_found', 'No such inbox.');
      return c.json({ inbox });
    })
    .get('/redaction-rules', async (c) => c.json({ rules: await ctx.store.listRedactionRules() }))
    .post('/redaction-rules/test', async (c) => {
      assertAdmin(c.get('session').actor);
      const { sample, ...candidate } = await parseBody(c, testRedactionRuleBody);
      const rules = compileRules([...ctx.settings.rules, { id: 'candidate', ...checked(candidate) }]);
      return c.json(redact(sample, rules));
    })
    .post('/redaction-rules', async (c) => {
      assertAdmin(c.get('session').actor);
      const rule = { id: randomUUID(), ...checked(await parseBody(c, createRedactionRuleBody)) };
      await ctx.store.createRedactionRule({ ...rule, createdBy: c.get('session').agent.id, now: ctx.now() });
      await publishRules();
      return c.json({ rule }, 201);
    })
    .delete('/redaction-rules/:id', async (c) => {
      assertAdmin(c.get('session').actor);
      if (!(await ctx.store.deleteRedactionRule(c.req.param('id'))))
        throw new DomainError('not_found', 'No such rule.');
      await publishRules();
      return c.body(null, 204);
    });
}
