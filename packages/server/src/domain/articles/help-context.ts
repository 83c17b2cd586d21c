/**
 * What agents are told of a visitor's help search before they wrote (issue 13): the query and the
 * articles read, as one line of the conversation's activity trail. Only the visitor of the conversation
 * says it, only published articles are named (an id of a draft or of nothing is dropped, not echoed),
 * and it is said once: a second context for the same conversation is refused.
 */
import { HELP_LIMITS } from '@candor/protocol';
import { DomainError } from '../errors';
import type { Actor, ConversationRecord } from '../types';
import type { ArticleRecord } from './article';

export type HelpContextDetail = { query: string; titles: string[]; urls: string[] };

export function decideHelpContext(
  actor: Actor,
  conversation: ConversationRecord,
  input: { query: string; articles: readonly (ArticleRecord | undefined)[]; alreadySaid: boolean },
): HelpContextDetail {
  if (actor.kind !== 'visitor' || actor.visitorId !== conversation.visitorId) {
    throw new DomainError('forbidden', 'Only the visitor tells their help search.');
  }
  if (input.alreadySaid) throw new DomainError('conflict', 'This conversation already has its help context.');
  const query = input.query.replace(/\s+/g, ' ').trim().slice(0, HELP_LIMITS.queryMax);
  const read = input.articles.filter((a): a is ArticleRecord => a?.published === true);
  const unique = [...new Map(read.map((a) => [a.id, a])).values()].slice(0, HELP_LIMITS.contextArticlesMax);
  if (query === '' && unique.length === 0) throw new DomainError('bad_frame', 'Nothing searched or read.');
  return {
    query,
    titles: unique.map((a) => a.title),
    urls: unique.map((a) => `/help/${a.locale}/${a.slug}`),
  };
}
