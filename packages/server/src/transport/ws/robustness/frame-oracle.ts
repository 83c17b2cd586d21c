/**
 * What the server must answer to a probe, decided from the bytes alone (size, UTF-8, JSON, then the
 * schema), and the check of what it did answer. The schema is the oracle, as protocol.md says.
 */
import { isUtf8 } from 'node:buffer';
import { CLOSE_CODES, ERROR_CODES, LIMITS, PROTOCOL_VERSION, type ServerFrame } from '@candor/protocol';
import { clientFrame, serverFrame } from '@candor/protocol/schemas';
import type { z } from 'zod';
import type { Probe } from './frame-shapes';

export type ClientFrame = z.infer<typeof clientFrame>;

export type Expectation =
  | { kind: 'close'; code: number }
  | { kind: 'bad_frame'; ref: string | undefined }
  | { kind: 'valid'; frame: ClientFrame };

export interface Outcome {
  /** Every frame received between the probe and the reply to the sentinel sent right after it. */
  frames: ServerFrame[];
  closeCode: number | undefined;
}

/** Close codes a client may see: the documented application codes and the RFC 6455 protocol ones. */
export const DOCUMENTED_CLOSE_CODES = new Set<number>([...Object.values(CLOSE_CODES), 1002, 1007, 1009]);

/** Pushed to subscribers at any time: not replies to the probe. */
const EVENT_TYPES = new Set<string>([
  'message.created',
  'typing.updated',
  'conversation.updated',
  'draft.updated',
  // Agents only: a resolve or assign probe on a followed conversation also records a trail line.
  'note.created',
  'activity.recorded',
  'tags.updated',
  'contact.updated',
  'contact.requested',
  // Routing and collision: pushed to whoever is concerned, never the answer to a probe.
  'queue.position',
  'conversation.assigned',
  'conversation.transferred',
  'conversation.handed_over',
  'routing.updated',
  'agent.status',
  'viewing.updated',
  'conversation.seen',
]);

export function expectationOf(probe: Probe): Expectation {
  if (probe.data.length > LIMITS.frameBytesMax) return { kind: 'close', code: CLOSE_CODES.tooBig };
  if (probe.binary) return { kind: 'bad_frame', ref: undefined };
  if (!isUtf8(probe.data)) return { kind: 'close', code: 1007 };
  let raw: unknown;
  try {
    raw = JSON.parse(probe.data.toString('utf8'));
  } catch {
    return { kind: 'bad_frame', ref: undefined };
  }
  const parsed = clientFrame.safeParse(raw);
  return parsed.success ? { kind: 'valid', frame: parsed.data } : { kind: 'bad_frame', ref: echoedRef(raw) };
}

/** protocol.md: a reply echoes the command's ref (≤ 64 chars). */
function echoedRef(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('ref' in raw)) return undefined;
  return typeof raw.ref === 'string' && raw.ref.length > 0 && raw.ref.length <= 64 ? raw.ref : undefined;
}

export const repliesIn = (outcome: Outcome) => outcome.frames.filter((f) => !EVENT_TYPES.has(f.type));

/** Problems common to any outcome: frames off-schema, unknown error codes, undocumented close codes. */
function wireProblem(outcome: Outcome): string | undefined {
  for (const frame of outcome.frames) {
    const parsed = serverFrame.safeParse(frame);
    if (!parsed.success)
      return `server frame off-schema (${parsed.error.issues[0]?.path.join('.')}): ${frame.type}`;
    if (frame.type === 'error' && !ERROR_CODES.includes(frame.code))
      return `unknown error code ${frame.code}`;
  }
  if (outcome.closeCode !== undefined && !DOCUMENTED_CLOSE_CODES.has(outcome.closeCode)) {
    return `undocumented close code ${outcome.closeCode}`;
  }
  return undefined;
}

/** Checks one probe's outcome on a socket that already said hello; returns the problem, if any. */
export function problemAfterHello(expected: Expectation, outcome: Outcome): string | undefined {
  const wire = wireProblem(outcome);
  if (wire) return wire;
  const replies = repliesIn(outcome);
  if (expected.kind === 'close') {
    return outcome.closeCode === expected.code
      ? undefined
      : `expected close ${expected.code}, got ${show(outcome)}`;
  }
  if (outcome.closeCode !== undefined)
    return `closed ${outcome.closeCode} on a frame that deserved an answer`;
  const [reply, ...more] = replies;
  if (more.length > 0) return `more than one reply: ${show(outcome)}`;
  if (expected.kind === 'bad_frame') {
    if (reply?.type !== 'error' || reply.code !== 'bad_frame')
      return `expected bad_frame, got ${show(outcome)}`;
    return reply.ref === expected.ref ? undefined : `error ref ${reply.ref} instead of ${expected.ref}`;
  }
  const { frame } = expected;
  if (frame.type === 'hello') {
    return reply?.type === 'error' && reply.code === 'bad_frame'
      ? undefined
      : `second hello: ${show(outcome)}`;
  }
  if (reply?.type === 'error' && (reply.code === 'internal' || reply.code === 'rate_limited')) {
    return `a valid ${frame.type} failed with ${reply.code}: ${reply.message}`;
  }
  const ref = 'ref' in frame ? frame.ref : undefined;
  if (reply && reply.type !== 'error' && !('ref' in reply) && ref !== undefined)
    return `${reply.type} without its ref`;
  if (reply && reply.type !== 'error' && 'ref' in reply && reply.ref !== ref) {
    return `reply ${reply.type} does not echo ref ${ref}`;
  }
  return undefined;
}

/** Checks one probe sent as the first frame of a new visitor socket. */
export function problemBeforeHello(expected: Expectation, outcome: Outcome): string | undefined {
  if (expected.kind !== 'valid') return problemAfterHello(expected, outcome);
  const wire = wireProblem(outcome);
  if (wire) return wire;
  const replies = repliesIn(outcome);
  const { frame } = expected;
  if (frame.type === 'hello' && frame.protocol === PROTOCOL_VERSION && frame.identityToken !== undefined) {
    // A visitor's identity token the server cannot verify (the fuzz knows no secret) is refused with an
    // identity_* code, then 4005; an agent's hello ignores the field.
    const refused =
      replies.length === 1 &&
      replies[0]?.type === 'error' &&
      replies[0].code.startsWith('identity_') &&
      outcome.closeCode === CLOSE_CODES.identityRefused;
    const welcomed =
      replies.length === 1 && replies[0]?.type === 'welcome' && outcome.closeCode === undefined;
    return refused || welcomed ? undefined : `identity hello: ${show(outcome)}`;
  }
  if (frame.type === 'hello' && frame.protocol === PROTOCOL_VERSION) {
    // An unknown reply-email link is said (link_expired, no ref) and the hello goes on as without it.
    const linkRefused =
      typeof frame.reopenToken === 'string' &&
      replies.length === 2 &&
      replies[0]?.type === 'error' &&
      replies[0].code === 'link_expired' &&
      replies[1]?.type === 'welcome';
    if (linkRefused && outcome.closeCode === undefined) return undefined;
    return replies.length === 1 && replies[0]?.type === 'welcome' && outcome.closeCode === undefined
      ? undefined
      : `hello not welcomed: ${show(outcome)}`;
  }
  if (frame.type === 'hello') {
    const refused = replies.some((f) => f.type === 'error' && f.code === 'unsupported_version');
    return refused && outcome.closeCode === CLOSE_CODES.unsupportedVersion
      ? undefined
      : `bad version: ${show(outcome)}`;
  }
  const [reply] = replies;
  return replies.length === 1 &&
    reply?.type === 'error' &&
    reply.code === 'not_ready' &&
    outcome.closeCode === undefined
    ? undefined
    : `command before hello: ${show(outcome)}`;
}

export function show(outcome: Outcome): string {
  const frames = outcome.frames.map((f) => (f.type === 'error' ? `error(${f.code}, ref=${f.ref})` : f.type));
  return `[${frames.join(', ')}] close=${outcome.closeCode}`;
}

export function describeProbe(probe: Probe): string {
  const text = probe.binary
    ? `binary ${probe.data.toString('hex')}`
    : JSON.stringify(probe.data.toString('utf8'));
  return text.length > 300 ? `${text.slice(0, 300)}… (${probe.data.length} bytes)` : text;
}
