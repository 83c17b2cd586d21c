import proxyAddr from 'proxy-addr';

/** What to write instead of `CANDOR_TRUST_PROXY=true`, which would trust every peer. */
export const TRUST_PROXY_HINT =
  'list the reverse proxies to trust, as addresses or CIDR ranges, e.g. CANDOR_TRUST_PROXY=127.0.0.1,10.0.0.0/8,::1';

/**
 * The reverse proxies whose X-Forwarded-For is believed (CANDOR_TRUST_PROXY): IPv4 and IPv6 addresses,
 * CIDR ranges, or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`, as Express's `trust proxy`.
 */
export class TrustedProxies {
  static readonly none = new TrustedProxies([]);
  /** proxy-addr's compiled test, called once per hop from the direct peer outwards. */
  readonly trusts: (address: string, hop: number) => boolean;

  /** Throws a TypeError naming the entry that is not an address or a range. */
  constructor(readonly ranges: readonly string[]) {
    this.trusts = proxyAddr.compile([...ranges]);
  }

  /** Parses the setting; `false` or nothing trusts no one. */
  static parse(setting: string | undefined): TrustedProxies {
    const ranges = (setting ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ranges.includes('true')) {
      throw new TypeError(`"true" would let any client choose its address; ${TRUST_PROXY_HINT}`);
    }
    if (ranges.length === 0 || (ranges.length === 1 && ranges[0] === 'false')) return TrustedProxies.none;
    try {
      return new TrustedProxies(ranges);
    } catch (err) {
      throw new TypeError(`${(err as Error).message}; ${TRUST_PROXY_HINT}`);
    }
  }
}
