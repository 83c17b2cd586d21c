/**
 * Which browser origins may open which socket. Browsers always send Origin on a WebSocket upgrade and
 * cannot forge it, which is what stops a hostile page from using an agent's cookie (cross-site
 * WebSocket hijacking). A request without Origin is not from a browser page, so it has no ambient
 * cookie to abuse and still has to authenticate; it is let through.
 */
export class OriginPolicy {
  private readonly any: boolean;
  private readonly allowed: Set<string>;

  constructor(allowedOrigins: readonly string[]) {
    this.any = allowedOrigins.includes('*');
    this.allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  }

  /** Is this origin one of those configured by name (a wildcard lists none)? For links sent by email. */
  listed(origin: string): boolean {
    return this.allowed.has(origin.toLowerCase());
  }

  /** The console is served by Candor itself: same host only. */
  allowsAgent(origin: string | undefined, host: string | undefined): boolean {
    return origin === undefined || sameHost(origin, host);
  }

  /** The widget runs on customer sites: configured origins, plus Candor's own demo page. */
  allowsVisitor(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined || this.any || sameHost(origin, host)) return true;
    return this.allowed.has(origin.toLowerCase());
  }
}

export function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * The rule for every state-changing HTTP request (login included): a present Origin must be this
 * host's. SameSite=Strict keeps the session cookie off cross-site requests; this is the second lock,
 * and for login the only one (a hostile page must not sign a browser into another account).
 */
export function allowsStateChange(
  request: { method: string; origin: string | undefined },
  host: string | undefined,
): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  return request.origin === undefined || sameHost(request.origin, host);
}
