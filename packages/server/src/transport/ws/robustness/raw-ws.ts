/**
 * A WebSocket client written by hand over node:net, to send what no client library would: unmasked
 * frames, reserved opcodes and bits, lying length fields, bytes one TCP write at a time.
 */
import { createHash, randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { decodeFrames, encodeFrame, OPCODES, type FrameSpec, type WireFrame } from './ws-frames';

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface RawEnd {
  /** The code in the server's close frame; undefined when the TCP connection ended without one (1006). */
  code: number | undefined;
  /** When the TCP connection ended (Date.now()), so a test can tell "closed too early" from "closed". */
  at: number;
}

export class RawWs {
  readonly frames: WireFrame[] = [];
  closeCode: number | undefined;
  ended = false;
  private endedAt = 0;
  /** Answer pings like a browser would; a client stalled mid-frame cannot, so tests switch this off. */
  autoPong = true;
  private pending: Buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined); // a reset after the server's close is expected here
    socket.on('close', () => {
      this.ended = true;
      this.endedAt = Date.now();
      this.wake();
    });
  }

  /** TCP connect and the HTTP upgrade by hand; rejects unless the server answers 101 correctly. */
  static async open(baseUrl: string, path: string): Promise<RawWs> {
    const { hostname, port } = new URL(baseUrl);
    const socket = connect({ host: hostname, port: Number(port) });
    const key = randomBytes(16).toString('base64');
    const head = await new Promise<{ status: string; headers: string; rest: Buffer }>((resolve, reject) => {
      let buf = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        const text = buf.subarray(0, end).toString('latin1');
        const [status = '', ...headers] = text.split('\r\n');
        resolve({ status, headers: headers.join('\n').toLowerCase(), rest: buf.subarray(end + 4) });
      };
      socket.on('data', onData);
      socket.once('error', reject);
      socket.once('close', () => reject(new Error('closed during the upgrade')));
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.removeAllListeners('error');
    socket.removeAllListeners('close');
    if (!head.status.startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${head.status}`);
    const accept = createHash('sha1')
      .update(key + ACCEPT_GUID)
      .digest('base64');
    if (!head.headers.includes(`sec-websocket-accept: ${accept.toLowerCase()}`)) {
      throw new Error('bad Sec-WebSocket-Accept');
    }
    const raw = new RawWs(socket);
    if (head.rest.length > 0) raw.onData(head.rest);
    return raw;
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  send(spec: FrameSpec): void {
    this.write(encodeFrame(spec));
  }

  sendJson(value: object): void {
    this.send({ opcode: OPCODES.text, payload: JSON.stringify(value) });
  }

  /** One TCP write per byte, `gapMs` apart: the slowest legal sender. */
  async writeSlowly(bytes: Buffer, gapMs: number): Promise<void> {
    for (let i = 0; i < bytes.length && !this.ended; i++) {
      this.socket.write(bytes.subarray(i, i + 1));
      await new Promise((r) => setTimeout(r, gapMs));
    }
  }

  /** Text frames from the server, parsed as JSON. */
  json(): { type?: unknown; ref?: unknown; code?: unknown }[] {
    return this.frames
      .filter((f) => f.opcode === OPCODES.text)
      .map((f) => JSON.parse(f.payload.toString('utf8')) as { type?: unknown });
  }

  /** Says hello as a new visitor and waits for the welcome. */
  async hello(): Promise<void> {
    this.sendJson({ type: 'hello', protocol: 1 });
    await this.until(() => this.json().some((f) => f.type === 'welcome'), 'welcome');
  }

  /** Resolves once the TCP connection has ended, with the code of the server's close frame, if any. */
  async end(timeoutMs = 3000): Promise<RawEnd> {
    await this.until(() => this.ended, 'end of connection', timeoutMs);
    return { code: this.closeCode, at: this.endedAt };
  }

  async until(done: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    const { frames, rest } = decodeFrames(Buffer.concat([this.pending, chunk]));
    this.pending = rest;
    for (const frame of frames) {
      this.frames.push(frame);
      if (frame.opcode === OPCODES.ping && this.autoPong && !this.ended) {
        this.send({ opcode: OPCODES.pong, payload: frame.payload });
      }
      if (frame.opcode === OPCODES.close && this.closeCode === undefined) {
        this.closeCode = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
        // Answer the close, as RFC 6455 asks, so the server can end the TCP connection at once.
        if (!this.socket.destroyed)
          this.socket.end(encodeFrame({ opcode: OPCODES.close, payload: frame.payload.subarray(0, 2) }));
      }
    }
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
