/**
 * The real Candor server, as `candor serve` starts it (startCandor from app.ts), configured from the
 * environment the parent set: data dir or DATABASE_URL + CANDOR_DATABASE_SCHEMA, connection limit.
 */
import { startCandor } from '../../packages/server/src/app';
import { loadConfig } from '../../packages/server/src/config';
import { createLogger } from '../../packages/server/src/logger';
import { BENCH_ADMIN } from '../clients/candor-admin';

export async function startCandorSystem(): Promise<{ url: string; stop(): Promise<void> }> {
  const config = {
    ...loadConfig(process.env),
    port: 0,
    host: '127.0.0.1',
    admin: BENCH_ADMIN,
    passwordCost: 10, // one login per load generator; the hash cost is not what is measured
    demoBot: false, // the message path is measured, not the bot: its conversations are routed at once
    logLevel: 'silent',
  };
  const candor = await startCandor(config, createLogger('silent'));
  return { url: candor.url, stop: () => candor.stop() };
}
