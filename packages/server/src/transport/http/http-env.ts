import type { HttpBindings } from '@hono/node-server';
import type { AgentSession } from '../../auth/agent-sessions';
import type { ChatContext } from '../../commands/context';
import type { Log } from '../../realtime/realtime-deps';
import type { KeyedLimiter } from '../../limits/token-bucket';

/** What every REST handler can reach. */
export interface HttpDeps {
  ctx: ChatContext;
  log: Log;
  passwordCost: number;
  trustProxy: boolean;
  loginLimiter: KeyedLimiter;
  isReady(): boolean;
}

export interface HttpEnv {
  Bindings: HttpBindings;
  Variables: { session: AgentSession };
}
