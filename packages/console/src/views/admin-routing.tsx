/** Who answers: the default inbox's strategy and teams, teams with members and default capacity, agents' capacity and skills. */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, AgentRoutingView, AssignmentStrategy, InboxRouting, Team } from '@candor/protocol';
import { api } from '../api';
import { routingApi } from '../routing-api';
import { sayAdmin, STRATEGY_KEYS } from '../admin-text';
import { isSignedOut, requestErrorText } from './admin-errors';
import { UserText } from './user-text';
import { statusText } from './colleague-list';

const INBOX = 'default';

export function RoutingSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [routing, setRouting] = useState<InboxRouting | null>(null);
  const [teams, setTeams] = useState<Team[]>([]);
  const [agents, setAgents] = useState<Agent[]>([]);
  const [views, setViews] = useState<AgentRoutingView[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [teamName, setTeamName] = useState('');

  const fail = (err: unknown) =>
    isSignedOut(err) ? onSignedOut() : setMessage(sayAdmin('notSaved', { reason: requestErrorText(err) }));
  const load = () =>
    Promise.all([
      routingApi.inboxRouting(INBOX),
      routingApi.listTeams(),
      api.listAgents(),
      routingApi.agents(),
    ]).then(([r, t, a, v]) => {
      setRouting(r.routing);
      setTeams(t.teams);
      setAgents(a.agents.filter((x) => x.active));
      setViews(v.agents);
    }, fail);
  useEffect(() => void load(), []); // onSignedOut is a new closure each render and must not trigger a refetch

  const run = async (work: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await work();
      setMessage(sayAdmin('saved'));
      await load();
    } catch (err) {
      fail(err);
    }
  };
  const toggleMember = (team: Team, agentId: string, on: boolean) =>
    run(() =>
      routingApi.updateTeam(team.id, {
        memberIds: on ? [...team.memberIds, agentId] : team.memberIds.filter((m) => m !== agentId),
      }),
    );

  if (!routing) return null;
  return (
    <section class="admin-section" aria-labelledby="routing-title">
      <h2 id="routing-title">{sayAdmin('assignment')}</h2>
      <p class="hint">{sayAdmin('assignmentHint')}</p>
      <label>
        {sayAdmin('strategy')}{' '}
        <select
          data-testid="strategy"
          value={routing.strategy}
          onChange={(e) =>
            void run(() =>
              routingApi.setInboxRouting(INBOX, { strategy: e.currentTarget.value as AssignmentStrategy }),
            )
          }
        >
          {(Object.keys(STRATEGY_KEYS) as AssignmentStrategy[]).map((s) => (
            <option value={s}>{sayAdmin(STRATEGY_KEYS[s])}</option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{sayAdmin('routesTo')}</legend>
        {teams.map((t) => (
          <label>
            <input
              type="checkbox"
              checked={routing.teamIds.includes(t.id)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                const teamIds = on ? [...routing.teamIds, t.id] : routing.teamIds.filter((id) => id !== t.id);
                void run(() => routingApi.setInboxRouting(INBOX, { teamIds }));
              }}
            />{' '}
            <UserText text={t.name} />
          </label>
        ))}
      </fieldset>
      <h3>{sayAdmin('teams')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (teamName.trim())
            void run(() => routingApi.createTeam(teamName.trim(), null)).then(() => setTeamName(''));
        }}
      >
        <label>
          {sayAdmin('newTeamName')}{' '}
          <input
            value={teamName}
            maxLength={80}
            onInput={(e) => setTeamName(e.currentTarget.value)}
            data-testid="team-name"
          />
        </label>{' '}
        <button type="submit">{sayAdmin('addTeam')}</button>
      </form>
      {teams.map((team) => (
        <fieldset data-testid="team">
          <legend>
            <UserText text={team.name} />
          </legend>
          <label>
            {sayAdmin('defaultCapacity')}{' '}
            <input
              type="number"
              min={0}
              max={100}
              value={team.defaultCapacity ?? ''}
              placeholder={sayAdmin('serverDefault')}
              onChange={(e) => {
                const v = e.currentTarget.value;
                void run(() =>
                  routingApi.updateTeam(team.id, { defaultCapacity: v === '' ? null : Number(v) }),
                );
              }}
            />
          </label>
          {agents.map((a) => (
            <label>
              <input
                type="checkbox"
                checked={team.memberIds.includes(a.id)}
                onChange={(e) => void toggleMember(team, a.id, e.currentTarget.checked)}
              />{' '}
              <UserText text={a.name} />
            </label>
          ))}
          <button type="button" onClick={() => void run(() => routingApi.deleteTeam(team.id))}>
            {sayAdmin('deleteTeam')}
            <UserText text={team.name} />
          </button>
        </fieldset>
      ))}
      <h3>{sayAdmin('agents')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{sayAdmin('agent')}</th>
            <th scope="col">{sayAdmin('status')}</th>
            <th scope="col">{sayAdmin('open')}</th>
            <th scope="col">{sayAdmin('capacity')}</th>
            <th scope="col">{sayAdmin('skills')}</th>
          </tr>
        </thead>
        <tbody>
          {views.map((v) => {
            const name = agents.find((a) => a.id === v.agentId)?.name ?? v.agentId;
            return (
              <tr>
                <th scope="row">
                  <UserText text={name} />
                </th>
                <td>{statusText(v.effectiveStatus)}</td>
                <td>{v.load}</td>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={100}
                    aria-label={sayAdmin('capacityOf', { name })}
                    value={v.capacity ?? ''}
                    placeholder={String(v.effectiveCapacity)}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      void run(() =>
                        routingApi.updateAgent(v.agentId, { capacity: value === '' ? null : Number(value) }),
                      );
                    }}
                  />
                </td>
                <td>
                  <input
                    aria-label={sayAdmin('skillsOf', { name })}
                    value={v.skills.join(', ')}
                    onChange={(e) => {
                      const skills = e.currentTarget.value
                        .split(',')
                        .map((s) => s.trim())
                        .filter(Boolean);
                      void run(() => routingApi.updateAgent(v.agentId, { skills }));
                    }}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
