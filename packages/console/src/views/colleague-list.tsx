/**
 * The other agents and their status (online / away / offline), live: online first. Each status is in
 * words, not only a colour, and the list is named in English and French.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, AgentStatus } from '@candor/protocol';
import { visibleControls } from '@candor/protocol';
import { api } from '../api';
import { say, type TextKey } from '../console-text';
import { byAvailability, shownStatus, type AgentStatuses } from '../live/agent-status';

const STATUS_KEY: Record<AgentStatus, TextKey> = {
  online: 'statusOnline',
  away: 'statusAway',
  offline: 'statusOffline',
};

export function statusText(status: AgentStatus): string {
  return say(STATUS_KEY[status]);
}

export function ColleagueList({ meId, statuses }: { meId: string; statuses: AgentStatuses }) {
  const [agents, setAgents] = useState<Agent[]>([]);
  useEffect(() => {
    api.listAgents().then(
      (r) => setAgents(r.agents.filter((a) => a.active && a.id !== meId)),
      () => undefined, // the list is a help, not the work: nothing shown when it cannot be read
    );
  }, [meId]);
  if (agents.length === 0) return null;
  return (
    <section class="colleagues" aria-labelledby="colleagues-title" data-testid="colleagues">
      <h2 id="colleagues-title">{say('colleagues')}</h2>
      <ul>
        {byAvailability(agents, statuses).map((a) => {
          const status = shownStatus(statuses, a.id);
          const name = visibleControls(a.name);
          return (
            <li key={a.id} data-testid="colleague" data-agent-id={a.id} data-status={status ?? 'unknown'}>
              <span class={`status-dot ${status ?? 'unknown'}`} aria-hidden="true" />
              <span>{name}</span>
              {status && <span class="quiet"> {statusText(status)}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
