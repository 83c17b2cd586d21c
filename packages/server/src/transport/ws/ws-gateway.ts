/**
 * The WebSocket shell around the realtime core: handshake checks (path, origin, per-IP limit, agent
 * cookie), socket options (no compression, bounded payload), heartbeat, and shutdown. Everything after
 * the handshake is ClientConnection's.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE_CODES, LIMITS, WS_PATHS } from '@candor/protocol';
import { authenticateSession, type AgentSession } from '../../auth/agent-sessions';
import { ClientConnection, type ConnectionAuth } from '../../realtime/connection';
import type { RealtimeDeps } from '../../realtime/realtime-deps';
import { ConnectionCounter } from '../../limits/connection-counter';
import type { OriginPolicy } from '../origin-policy';
import { clientIp } from '../client-ip';
import { sessionTokenOf } from '../cookies';

export interface GatewayOptions {
  deps: RealtimeDeps;
  origins: OriginPolicy;
  maxConnectionsPerIp: number;
  trustProxy: boolean;
  heartbeatMs?: number;
}

export class WsGateway {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: LIMITS.frameBytesMax,
    perMessageDeflate: false, // compression costs CPU and memory per socket, and leaks lengths
    clientTracking: false,
  });
  private readonly open = new Map<WebSocket, ClientConnection>();
  private readonly alive = new WeakSet<WebSocket>();
  private readonly counter: ConnectionCounter;
  private readonly heartbeat: NodeJS.Timeout;
  private accepting = true;

  constructor(private readonly options: GatewayOptions) {
    this.counter = new ConnectionCounter(options.maxConnectionsPerIp);
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      this.upgrade(req, socket, head).catch((err: unknown) => {
        this.options.deps.log.error({ err: String(err) }, 'upgrade failed');
        refuse(socket, 503, 'Service Unavailable');
      });
    });
  }

  connectionCount(): number {
    return this.open.size;
  }

  /** For metrics: open sockets by role, and commands they are waiting on. */
  stats(): { visitor: number; agent: number; pendingCommands: number } {
    const stats = { visitor: 0, agent: 0, pendingCommands: 0 };
    for (const connection of this.open.values()) {
      stats[connection.auth.role] += 1;
      stats.pendingCommands += connection.pendingCommands;
    }
    return stats;
  }

  /** Stop accepting, let running commands finish, then close every socket with "going away". */
  async drain(timeoutMs: number): Promise<void> {
    this.accepting = false;
    clearInterval(this.heartbeat);
    const settled = Promise.allSettled([...this.open.values()].map((c) => c.drained()));
    await Promise.race([settled, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    for (const [ws, connection] of this.open) {
      connection.close(CLOSE_CODES.goingAway, 'server shutting down');
      ws.terminate();
    }
    this.open.clear();
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const role = path === WS_PATHS.visitor ? 'visitor' : path === WS_PATHS.agent ? 'agent' : undefined;
    const { origins, deps } = this.options;
    const metrics = deps.metrics;
    if (!role) {
      metrics?.refusedHandshake('not_found');
      return refuse(socket, 404, 'Not Found');
    }
    if (!this.accepting) {
      metrics?.refusedHandshake('draining');
      return refuse(socket, 503, 'Service Unavailable');
    }
    const origin = req.headers.origin;
    const allowed =
      role === 'agent'
        ? origins.allowsAgent(origin, req.headers.host)
        : origins.allowsVisitor(origin, req.headers.host);
    if (!allowed) {
      deps.log.warn({ origin, role }, 'websocket origin refused');
      metrics?.refusedHandshake('origin');
      return refuse(socket, 403, 'Forbidden');
    }
    let session: AgentSession | undefined;
    if (role === 'agent') {
      const token = sessionTokenOf(req);
      session = token ? await authenticateSession(deps.ctx.store, token, deps.ctx.now()) : undefined;
      if (!session) {
        metrics?.refusedHandshake('unauthenticated');
        return refuse(socket, 401, 'Unauthorized');
      }
    }
    const ip = clientIp(req, this.options.trustProxy);
    if (!this.counter.tryOpen(ip)) {
      metrics?.refusedHandshake('ip_limit');
      return refuse(socket, 429, 'Too Many Requests');
    }
    const auth: ConnectionAuth = session ? { role: 'agent', session } : { role: 'visitor' };
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, auth, ip));
  }

  private accept(ws: WebSocket, auth: ConnectionAuth, ip: string): void {
    const connection = new ClientConnection(ws, this.options.deps, auth);
    this.open.set(ws, connection);
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return connection.sendError(undefined, 'bad_frame', 'Frames are JSON text.');
      connection.receive(
        Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8'),
      );
    });
    ws.on('error', () => ws.terminate()); // ws already closed with the right code (1009, 1007, 1002)
    ws.once('close', () => {
      this.open.delete(ws);
      this.counter.closed(ip);
      connection.closed();
    });
  }

  /** Sockets that did not answer the last ping are dead (a cut cable sends no FIN): free them. */
  private beat(): void {
    for (const ws of this.open.keys()) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.once('finish', () => socket.destroy()); // let the response flush first, as ws itself does
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
