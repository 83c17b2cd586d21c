/**
 * REST for the agents' tools: private notes, the activity trail and tags of a conversation, and canned
 * responses. Agents only (requireAgent); every rule is in commands/ and domain/.
 */
import { Hono } from 'hono';
import {
  addNoteBody,
  createCannedResponseBody,
  setTagsBody,
  updateCannedResponseBody,
} from '@candor/protocol/schemas';
import { addNote, listNotes } from '../../commands/notes';
import { listActivity } from '../../commands/record-activity';
import { setTags } from '../../commands/set-tags';
import { createCanned, deleteCanned, listCanned, updateCanned } from '../../commands/canned-responses';
import { parseBody } from './api-errors';
import type { HttpDeps, HttpEnv } from './http-env';
import { requireAgent } from './session-middleware';

/** Mounted inside conversationRoutes, which already requires an agent's session. */
export function conversationToolRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>()
    .get('/:id/notes', async (c) =>
      c.json({ notes: await listNotes(ctx, c.get('session').actor, c.req.param('id')) }),
    )
    .post('/:id/notes', async (c) => {
      const { body } = await parseBody(c, addNoteBody);
      const note = await addNote(ctx, c.get('session').actor, { conversationId: c.req.param('id'), body });
      return c.json({ note }, 201);
    })
    .get('/:id/activity', async (c) =>
      c.json({ activity: await listActivity(ctx, c.get('session').actor, c.req.param('id')) }),
    )
    .put('/:id/tags', async (c) => {
      const { tags } = await parseBody(c, setTagsBody);
      return c.json({ conversation: await setTags(ctx, c.get('session').actor, c.req.param('id'), tags) });
    });
}

/** Mounted at /api/v1/canned-responses. */
export function cannedResponseRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>()
    .use(requireAgent(deps))
    .get('/', async (c) => c.json({ cannedResponses: await listCanned(ctx, c.get('session').actor) }))
    .post('/', async (c) => {
      const body = await parseBody(c, createCannedResponseBody);
      return c.json({ cannedResponse: await createCanned(ctx, c.get('session').actor, body) }, 201);
    })
    .patch('/:id', async (c) => {
      const patch = await parseBody(c, updateCannedResponseBody);
      return c.json({
        cannedResponse: await updateCanned(ctx, c.get('session').actor, c.req.param('id'), patch),
      });
    })
    .delete('/:id', async (c) => {
      await deleteCanned(ctx, c.get('session').actor, c.req.param('id'));
      return c.body(null, 204);
    });
}
