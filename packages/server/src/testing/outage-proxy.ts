/**
 * A loopback TCP proxy whose outage looks, from its clients, like a server restart or a network cut:
 * every open connection drops at once and new ones are refused (ECONNREFUSED) until it is back. The
 * fault tests put it in front of PostgreSQL (which is never restarted itself, so other tests on it
 * carry on); the browser tests put it between the customer's page and Candor.
 */
import net from 'node:net';

export class OutageProxy {
  private readonly sockets = new Set<net.Socket>();
  private readonly clients = new Set<net.Socket>();
  private readonly server: net.Server;
  port = 0;
  /** Connections proxied, and connections dropped by outages. */
  opened = 0;
  cut = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {
    this.server = net.createServer((client) => this.pipe(client));
  }

  async start(): Promise<void> {
    await this.listen(0);
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Down for `ms`: open connections cut, the port closed; then listening again on the same port. */
  async outage(ms: number): Promise<void> {
    await this.down();
    await new Promise((r) => setTimeout(r, ms));
    await this.up();
  }

  /** Open connections cut at once, and new ones refused until up(). */
  async down(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.cut += this.clients.size;
    for (const s of this.sockets) s.destroy();
    await closed;
  }

  up(): Promise<void> {
    return this.listen(this.port);
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private pipe(client: net.Socket): void {
    this.opened++;
    this.clients.add(client);
    client.once('close', () => this.clients.delete(client));
    const upstream = net.connect(this.targetPort, this.targetHost);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        this.sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }

  private async listen(port: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await new Promise<void>((resolve, reject) => {
          this.server.once('error', reject);
          this.server.listen(port, '127.0.0.1', () => {
            this.server.off('error', reject);
            resolve();
          });
        });
      } catch (err) {
        if (attempt >= 50) throw err; // the port stays ours unless something grabbed it meanwhile
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
}
