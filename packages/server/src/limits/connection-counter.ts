/** Open connections per IP, so one address cannot exhaust the server's sockets. */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerIp: number) {}

  /** Counts the connection in, or returns false (and counts nothing) when the IP is at its limit. */
  tryOpen(ip: string): boolean {
    const n = this.open.get(ip) ?? 0;
    if (n >= this.maxPerIp) return false;
    this.open.set(ip, n + 1);
    return true;
  }

  closed(ip: string): void {
    const n = (this.open.get(ip) ?? 1) - 1;
    if (n <= 0) this.open.delete(ip);
    else this.open.set(ip, n);
  }
}
