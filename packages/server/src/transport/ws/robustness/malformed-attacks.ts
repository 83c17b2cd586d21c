/**
 * Frames that break RFC 6455 one rule at a time, each with the close code it must get: 1002 protocol
 * error, 1007 invalid UTF-8, 1009 too big, 1008 policy (ws's cap on fragments).
 */
import { CLOSE_CODES, LIMITS } from '@candor/protocol';
import { encodeFrame, OPCODES, type FrameSpec } from './ws-frames';

const MAX = LIMITS.frameBytesMax;
const text = (payload: string | Buffer, more: Partial<FrameSpec> = {}): FrameSpec => ({
  opcode: OPCODES.text,
  payload,
  ...more,
});
const closeWith = (code: number, reason: Buffer = Buffer.alloc(0)) => {
  const payload = Buffer.alloc(2 + reason.length);
  payload.writeUInt16BE(code, 0);
  reason.copy(payload, 2);
  return { opcode: OPCODES.close, payload };
};
const frames = (...specs: FrameSpec[]) => Buffer.concat(specs.map(encodeFrame));

/** Each attack: the bytes sent after a successful hello, and the close code the server must answer. */
const TABLE: [string, Buffer, number][] = [
  ['an unmasked client frame', frames(text('{}', { masked: false })), 1002],
  ...[0x3, 0x4, 0x5, 0x6, 0x7, 0xb, 0xc, 0xd, 0xe, 0xf].map((op): [string, Buffer, number] => [
    `reserved opcode 0x${op.toString(16)}`,
    frames({ opcode: op, payload: 'x' }),
    1002,
  ]),
  ...[0b100, 0b010, 0b001].map((rsv): [string, Buffer, number] => [
    `RSV bits ${rsv.toString(2).padStart(3, '0')} without an extension`,
    frames(text('{}', { rsv })),
    1002,
  ]),
  ['a continuation with nothing to continue', frames({ opcode: OPCODES.continuation, payload: 'x' }), 1002],
  ['a new text frame inside a fragmented message', frames(text('{', { fin: false }), text('}')), 1002],
  ['a fragmented ping', frames({ opcode: OPCODES.ping, payload: 'x', fin: false }), 1002],
  [
    'a ping of 126 bytes (control frames are at most 125)',
    frames({ opcode: OPCODES.ping, payload: 'p'.repeat(126) }),
    1002,
  ],
  ['a close of 126 bytes', frames({ opcode: OPCODES.close, payload: Buffer.alloc(126, 0x41) }), 1002],
  ['a close frame of one byte', frames({ opcode: OPCODES.close, payload: Buffer.from([0x03]) }), 1002],
  ...[999, 1004, 1005, 1006, 1015, 2999, 5000].map((code): [string, Buffer, number] => [
    `a close frame with the reserved code ${code}`,
    frames(closeWith(code)),
    1002,
  ]),
  ...(
    [
      ['a bad continuation byte', [0xc3, 0x28]],
      ['an overlong encoding', [0xc0, 0xaf]],
      ['an encoded surrogate', [0xed, 0xa0, 0x80]],
      ['the byte 0xFF', [0xff]],
      ['a truncated sequence', [0x7b, 0xe2, 0x82]],
      ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ] as const
  ).map(([what, bytes]): [string, Buffer, number] => [
    `invalid UTF-8 in a text frame: ${what}`,
    frames(text(Buffer.from(bytes))),
    1007,
  ]),
  [
    'invalid UTF-8 split across two fragments',
    frames(text(Buffer.from([0x7b, 0xe2]), { fin: false }), {
      opcode: OPCODES.continuation,
      payload: Buffer.from([0x28, 0x7d]),
    }),
    1007,
  ],
  ['invalid UTF-8 in a close reason', frames(closeWith(1000, Buffer.from([0xff]))), 1007],
  ['a length field of 2^63', frames(text('', { announcedLength: 2n ** 63n })), 1009],
  ['a length field of 2^53', frames(text('', { announcedLength: 2n ** 53n })), 1009],
  ['a 16-bit length of maxPayload + 1', frames(text('', { announcedLength: BigInt(MAX + 1) })), 1009],
  [
    'a 64-bit length of maxPayload + 1',
    frames(text('', { announcedLength: BigInt(MAX + 1), longLength: true })),
    1009,
  ],
  [
    'fragments adding up to more than maxPayload',
    frames(
      text('x'.repeat(MAX / 2), { fin: false }),
      { opcode: OPCODES.continuation, payload: 'x'.repeat(MAX / 2), fin: false },
      { opcode: OPCODES.continuation, payload: 'x' },
    ),
    1009,
  ],
  [
    'more than 16,384 empty fragments (ws maxFragments)',
    Buffer.concat([
      encodeFrame(text('', { fin: false })),
      ...Array.from({ length: 16_400 }, () => encodeFrame({ opcode: 0, fin: false })),
    ]),
    CLOSE_CODES.policy,
  ],
];

export const ATTACKS = TABLE.map(([name, bytes, code]) => ({ name, bytes, code }));
