import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { TrustedProxies } from './trusted-proxies';

/**
 * The client's address: the direct peer's, unless that peer is a trusted proxy; then the rightmost
 * address of X-Forwarded-For that is not a trusted proxy (those left of it were written by the client).
 */
export function clientIp(req: IncomingMessage, trustProxy: TrustedProxies): string {
  // Undefined once the socket is gone, whatever the types say.
  const address: string | undefined = proxyAddr(req, trustProxy.trusts);
  return address ?? 'unknown';
}
