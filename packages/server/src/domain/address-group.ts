/**
 * Which addresses count as one client for limits. An IPv4 address is one client; an IPv6 host usually
 * holds a whole /64 (privacy addresses rotate inside it), so limits group IPv6 by its first 64 bits.
 * Pure string work: no node:net here (domain/ does no I/O and imports no driver).
 */
export function addressGroup(ip: string): string {
  const bare = ip
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped?.[1] !== undefined) return mapped[1];
  if (!bare.includes(':')) return bare;
  const hextets = expandIpv6(bare);
  if (hextets === undefined) return bare;
  return `${hextets.slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of an IPv6 address, without leading zeros; undefined if it is not one. */
function expandIpv6(ip: string): string[] | undefined {
  const halves = ip.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  // An embedded IPv4 tail (::1.2.3.4) is two hextets; only the first four matter here.
  const last = tail.at(-1) ?? head.at(-1);
  const v4Extra = last?.includes('.') ? 1 : 0;
  const missing = 8 - head.length - tail.length - v4Extra;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.slice(0, 4).every((h) => /^[0-9a-f]{1,4}$/.test(h))) return undefined;
  return all.map((h) => (h.includes('.') ? h : h.replace(/^0+(?=.)/, '')));
}
