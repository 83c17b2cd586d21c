/**
 * The WebSocket shell around the realtime core: handshake checks (path, origin, per-IP limit, agent
 * cookie), socket options (no compression, bounded payload), heartbeat, and shutdown. Everything after
 * the handshake is ClientConnection's.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CorkingWebSocket } from './corking-websocket';
import { CLOSE_CODES, LIMITS, WS_PATHS } from '@candor/protocol';
import { authenticateSession, type AgentSession } from '../../auth/agent-sessions';
import { ClientConnection, VISITOR_AUTH, type ConnectionAuth } from '../../realtime/connection';
import type { RealtimeDeps } from '../../realtime/realtime-deps';
import { ConnectionCounter } from '../../limits/connection-counter';
import type { OriginPolicy } from '../origin-policy';
import { clientIp } from '../client-ip';
import type { TrustedProxies } from '../trusted-proxies';
import { sessionTokenOf } from '../cookies';
import { SessionSweep } from './session-sweep';

export interface GatewayOptions {
  deps: RealtimeDeps;
  origins: OriginPolicy;
  /** Open sockets per client address, for each role apart: a full office NAT of widgets leaves agents in. */
  maxConnectionsPerIp: Record<ConnectionAuth['role'], number>;
  trustProxy: TrustedProxies;
  heartbeatMs?: number;
}

/**
 * A server socket carrying what the gateway knows of it, so that every socket shares one set of
 * listener functions (they find all they need on `this`) instead of holding closures of its own.
 */
class GatewaySocket extends CorkingWebSocket {
  gateway!: WsGateway;
  connection!: ClientConnection;
  ip = '';
  /** Answered the last ping (or is new): the heartbeat terminates sockets that did not. */
  alive = true;

  /**
   * Pongs are noted here rather than by a listener: a fourth event name grows the event table every
   * socket holds by about 100 bytes.
   */
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'pong') this.alive = true;
    return super.emit(event, ...args);
  }
}

export class WsGateway {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: LIMITS.frameBytesMax,
    perMessageDeflate: false, // compression costs CPU and memory per socket, and leaks lengths
    clientTracking: false,
    WebSocket: GatewaySocket,
  });
  private readonly open = new Set<GatewaySocket>();
  private readonly counters: Record<ConnectionAuth['role'], ConnectionCounter>;
  /** Upgrades ws refused as malformed (method, key, version, protocol), told apart from clients gone. */
  private readonly refusedByWs = new WeakSet<Duplex>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly sessions: SessionSweep;
  private accepting = true;

  constructor(private readonly options: GatewayOptions) {
    const { visitor, agent } = options.maxConnectionsPerIp;
    this.counters = { visitor: new ConnectionCounter(visitor), agent: new ConnectionCounter(agent) };
    // With a listener, ws leaves the answer to a handshake it refuses to us (see upgrade()).
    this.wss.on('wsClientError', (err: Error, socket: Duplex) => {
      this.refusedByWs.add(socket);
      if (err.message === 'Invalid HTTP method') refuse(socket, 405, 'Method Not Allowed');
      else refuse(socket, 400, 'Bad Request');
    });
    this.sessions = new SessionSweep(options.deps.ctx.store, options.deps.log);
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', destroySocket);
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
    for (const { connection } of this.open) {
      stats[connection.auth.role] += 1;
      stats.pendingCommands += connection.pendingCommands;
    }
    return stats;
  }

  /** Stop accepting, let running commands finish, then close every socket with "going away". */
  async drain(timeoutMs: number): Promise<void> {
    this.accepting = false;
    clearInterval(this.heartbeat);
    const settled = Promise.allSettled([...this.open].map((ws) => ws.connection.drained()));
    await Promise.race([settled, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    for (const ws of this.open) {
      ws.connection.close(CLOSE_CODES.goingAway, 'server shutting down');
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
    const counter = this.counters[role];
    if (!counter.tryOpen(ip)) {
      metrics?.refusedHandshake('ip_limit');
      return refuse(socket, 429, 'Too Many Requests');
    }
    const auth: ConnectionAuth = session ? { role: 'agent', session } : VISITOR_AUTH;
    let upgraded = false;
    try {
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        upgraded = true;
        socket.off('error', destroySocket); // ws listens for socket errors from now on
        this.accept(ws, auth, ip);
      });
    } finally {
      // Without verifyClient, ws decides at once: it called back above, or it refused the handshake
      // (wsClientError, answered there) or found the client gone. Only a socket that exists holds a slot.
      if (!upgraded) {
        counter.closed(ip);
        metrics?.refusedHandshake(this.refusedByWs.has(socket) ? 'bad_handshake' : 'client_gone');
      }
    }
  }

  private accept(ws: GatewaySocket, auth: ConnectionAuth, ip: string): void {
    ws.gateway = this;
    ws.connection = new ClientConnection(ws, this.options.deps, auth);
    ws.ip = ip;
    this.open.add(ws);
    ws.on('message', onMessage);
    ws.on('error', onError);
    ws.on('close', onClose);
  }

  /** For the close listener. ws emits 'close' once; a second call would find `ws` gone anyway. */
  socketClosed(ws: GatewaySocket): void {
    if (!this.open.delete(ws)) return;
    this.counters[ws.connection.auth.role].closed(ws.ip);
    ws.connection.closed();
  }

  /**
   * Sockets that did not answer the last ping are dead (a cut cable sends no FIN): free them. Agent
   * sockets whose session expired or was deleted close too.
   */
  private beat(): void {
    this.sessions.run(connectionsOf(this.open), this.options.deps.ctx.now());
    for (const ws of this.open) {
      if (!ws.alive) {
        ws.terminate();
        continue;
      }
      ws.alive = false;
      ws.ping();
    }
  }
}

// Socket listeners: ws calls them with the socket as `this`, and it constructs GatewaySocket (the
// server's WebSocket option), so `this` is one.
function onMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
  const { connection } = this as GatewaySocket;
  if (isBinary) return connection.receive(undefined); // refused there, after taking its token
  connection.receive(
    Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8'),
  );
}

function onError(this: WebSocket): void {
  this.terminate(); // ws already closed with the right code (1009, 1007, 1002)
}

function onClose(this: WebSocket): void {
  const ws = this as GatewaySocket;
  ws.gateway.socketClosed(ws);
}

function* connectionsOf(sockets: Iterable<GatewaySocket>): Iterable<ClientConnection> {
  for (const ws of sockets) yield ws.connection;
}

function destroySocket(this: Duplex): void {
  this.destroy();
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.once('finish', () => socket.destroy()); // let the response flush first, as ws itself does
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
