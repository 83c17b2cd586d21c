/**
 * One POST of a delivery to its endpoint: signed (standard-signature.ts), 10 seconds at most, the answer
 * read and dropped (only its status matters). The connection goes to the address the name resolved to
 * after that address was checked (private-addresses.ts), so DNS cannot swap a public address for a
 * private one between the check and the connection. No redirects are followed.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from './private-addresses';

export interface SendOutcome {
  status: number | undefined;
  error: string | null;
}

const TIMEOUT_MS = 10_000;

export function postDelivery(
  url: string,
  body: string,
  headers: Record<string, string>,
  allowPrivate: boolean,
): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ status: undefined, error: 'not a URL' });
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Candor-Webhooks/1',
        },
        timeout: TIMEOUT_MS,
        lookup: checkedLookup(allowPrivate),
      },
      (res) => {
        res.resume(); // the body does not matter; reading it frees the socket
        res.on('end', () => resolve({ status: res.statusCode, error: null }));
        res.on('error', () => resolve({ status: res.statusCode, error: 'answer cut short' }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (err) => resolve({ status: undefined, error: err.message.slice(0, 200) }));
    req.end(body);
  });
}

function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const usable = allowPrivate ? addresses : addresses.filter((a) => !isPrivateAddress(a.address));
      const first = usable[0];
      if (!first)
        return callback(new Error(`${hostname} resolves only to private or loopback addresses`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, first.address, first.family);
    });
  };
}
