/** The agent's own status in the top bar: online, away or offline; routing gives work only when online. */
import { useEffect, useState } from 'preact/hooks';
import type { AgentStatus } from '@candor/protocol';
import { routingApi } from '../routing-api';
import { requestErrorText } from './admin-errors';
import { say, type TextKey } from '../console-text';
import { sayShell } from '../shell-text';

const LABELS: Record<AgentStatus, TextKey> = {
  online: 'statusOnline',
  away: 'statusAway',
  offline: 'statusOffline',
};

/** `live`: the status as the last agent.status told it (an admin may set it from elsewhere). */
export function StatusControl({ agentId, live }: { agentId: string; live?: AgentStatus | undefined }) {
  const [status, setStatus] = useState<AgentStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    routingApi.agents().then(
      ({ agents }) => setStatus(agents.find((a) => a.agentId === agentId)?.status ?? 'online'),
      (err) => setError(requestErrorText(err)),
    );
  }, [agentId]);

  useEffect(() => {
    if (live !== undefined) setStatus(live);
  }, [live]);

  const choose = async (next: AgentStatus) => {
    const before = status;
    setStatus(next);
    setError(null);
    try {
      setStatus((await routingApi.setStatus(agentId, next)).agent.status);
    } catch (err) {
      setStatus(before);
      setError(requestErrorText(err));
    }
  };

  return (
    <label class="status-control">
      <span class="visually-hidden">{sayShell('yourStatus')}</span>
      <select
        data-testid="my-status"
        aria-label={sayShell('yourStatus')}
        value={status ?? 'online'}
        disabled={status === null}
        onChange={(e) => void choose(e.currentTarget.value as AgentStatus)}
      >
        {(Object.keys(LABELS) as AgentStatus[]).map((s) => (
          <option value={s}>{say(LABELS[s])}</option>
        ))}
      </select>
      {error && (
        <span role="alert" class="hint">
          {error}
        </span>
      )}
    </label>
  );
}
