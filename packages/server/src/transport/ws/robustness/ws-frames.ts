/** RFC 6455 framing, both directions, with every field under the caller's control (even illegal values). */
import { randomBytes } from 'node:crypto';

export const OPCODES = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

export interface FrameSpec {
  opcode: number;
  payload?: Buffer | string;
  /** Default true. */
  fin?: boolean;
  /** RSV1..RSV3 as the three bits 0b100, 0b010, 0b001. */
  rsv?: number;
  /** Default true: clients must mask. */
  masked?: boolean;
  /** A length field that lies about the payload that follows (or does not follow). */
  announcedLength?: bigint;
  /** Write the length in 8 bytes even when it would fit in fewer (legal in practice, if not minimal). */
  longLength?: boolean;
}

export interface WireFrame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

export function encodeFrame(spec: FrameSpec): Buffer {
  const payload =
    typeof spec.payload === 'string' ? Buffer.from(spec.payload, 'utf8') : (spec.payload ?? Buffer.alloc(0));
  const masked = spec.masked ?? true;
  const length = spec.announcedLength ?? BigInt(payload.length);
  const first = ((spec.fin ?? true) ? 0x80 : 0) | (((spec.rsv ?? 0) & 0b111) << 4) | (spec.opcode & 0x0f);
  const maskBit = masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126n && !spec.longLength) {
    header = Buffer.from([first, maskBit | Number(length)]);
  } else if (length <= 0xffffn && !spec.longLength) {
    header = Buffer.alloc(4);
    header.writeUInt8(first, 0);
    header.writeUInt8(maskBit | 126, 1);
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(first, 0);
    header.writeUInt8(maskBit | 127, 1);
    header.writeBigUInt64BE(length, 2);
  }
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([header, mask, body]);
}

/** Splits server bytes into frames; `rest` is an incomplete frame to prepend to the next chunk. */
export function decodeFrames(buf: Buffer): { frames: WireFrame[]; rest: Buffer } {
  const frames: WireFrame[] = [];
  let at = 0;
  for (;;) {
    if (buf.length - at < 2) break;
    const b0 = buf.readUInt8(at);
    const b1 = buf.readUInt8(at + 1);
    let length = b1 & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      if (buf.length - offset < 2) break;
      length = buf.readUInt16BE(offset);
      offset += 2;
    } else if (length === 127) {
      if (buf.length - offset < 8) break;
      length = Number(buf.readBigUInt64BE(offset));
      offset += 8;
    }
    if (b1 & 0x80) throw new Error('the server masked a frame');
    if (buf.length - offset < length) break;
    frames.push({
      fin: (b0 & 0x80) !== 0,
      opcode: b0 & 0x0f,
      payload: buf.subarray(offset, offset + length),
    });
    at = offset + length;
  }
  return { frames, rest: buf.subarray(at) };
}
