/**
 * An agent socket ends when its session does, however it ends. Logout, deactivation, a password reset
 * or change and an agent ending a session are announced on the bus (`sessions.ended`), which closes
 * the sockets at once on every node. Expiry, and a session deleted where no bus reaches (the
 * `candor reset-password` command), are caught here: on each heartbeat ONE store query checks the
 * sessions of this node's open agent sockets, and sockets whose session is gone close with 4003.
 * Visitor sockets cost nothing here, and no socket holds a timer of its own.
 */
import { CLOSE_CODES } from '@candor/protocol';
import type { ClientConnection } from '../../realtime/connection';
import type { Log } from '../../realtime/realtime-deps';
import type { Store } from '../../storage/store';

/** Ids per query: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 500;

export class SessionSweep {
  private running = false;

  constructor(
    private readonly store: Store,
    private readonly log: Log,
  ) {}

  /** Starts a check unless one is still running (a slow store must not pile them up). */
  run(connections: Iterable<ClientConnection>, now: number): void {
    if (this.running) return;
    const bySession = new Map<string, ClientConnection[]>();
    for (const connection of connections) {
      const { auth } = connection;
      if (auth.role !== 'agent') continue;
      // Expired by the clock: no need to ask the store.
      if (auth.session.expiresAt <= now) {
        connection.close(CLOSE_CODES.loggedOut, 'session expired');
        continue;
      }
      const list = bySession.get(auth.session.sessionId);
      if (list) list.push(connection);
      else bySession.set(auth.session.sessionId, [connection]);
    }
    if (bySession.size === 0) return;
    this.running = true;
    this.check(bySession, now)
      .catch((err: unknown) => this.log.error({ err: String(err) }, 'session check failed'))
      .finally(() => (this.running = false));
  }

  private async check(bySession: Map<string, ClientConnection[]>, now: number): Promise<void> {
    const ids = [...bySession.keys()];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const live = await this.store.liveSessionIds(chunk, now);
      for (const id of chunk) {
        if (live.has(id)) continue;
        for (const connection of bySession.get(id) ?? [])
          connection.close(CLOSE_CODES.loggedOut, 'session ended');
      }
    }
  }
}
