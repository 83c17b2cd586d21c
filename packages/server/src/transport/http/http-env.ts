import type { HttpBindings } from '@hono/node-server';
import type { AgentSession } from '../../auth/agent-sessions';
import type { ChatContext } from '../../commands/context';
import type { Log } from '../../realtime/realtime-deps';
import type { Metrics } from '../../metrics/metrics';
import type { TrustedProxies } from '../trusted-proxies';
import type { OriginPolicy } from '../origin-policy';
import type { IpWindow } from '../../limits/ip-window';

/** What every REST handler can reach. */
export interface HttpDeps {
  ctx: ChatContext;
  log: Log;
  passwordCost: number;
  trustProxy: TrustedProxies;
  isReady(): boolean;
  metrics: Metrics;
  /** When set, /metrics requires `Authorization: Bearer <token>`; otherwise loopback only. */
  metricsToken: string | undefined;
  /** Which sites may run the widget: the visitor socket's rule, told to the widget by /widget/status. */
  origins: OriginPolicy;
  /** Mail or texts are kept in the development outbox (no SMTP server, or no SMS provider, configured). */
  outboxEnabled?: boolean;
  /** Public help reads per client address (help centre searches, the widget's help API). */
  helpLimit: IpWindow;
}

export interface HttpEnv {
  Bindings: HttpBindings;
  Variables: { session: AgentSession };
}
