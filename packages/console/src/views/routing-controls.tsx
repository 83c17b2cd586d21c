/**
 * In a conversation's header: its priority, the skills it needs (skill-match routing), and a transfer
 * to an agent or a team with a note the next agent reads (never the visitor). Over REST; the inbox
 * learns of the change by routing.updated.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, Priority, Team } from '@candor/protocol';
import { api } from '../api';
import { routingApi } from '../routing-api';
import { requestErrorText } from './admin-errors';
import { say } from '../console-text';
import { formatSkillList, parseSkillList, skillListProblem } from '../skill-list';
import { byAvailability, shownStatus, type AgentStatuses } from '../live/agent-status';
import { statusText } from './colleague-list';
import { PRIORITIES, priorityLabel, sayConversation } from '../conversation-text';

interface Props {
  conversationId: string;
  priority: Priority;
  requiredSkills: readonly string[];
  assigneeId: string | null;
  meId: string;
  disabled: boolean;
  /** Colleagues' status, live: shown beside each agent to transfer to. */
  statuses: AgentStatuses;
}

export function RoutingControls(props: Props) {
  const { conversationId, priority, assigneeId, meId, disabled } = props;
  const [error, setError] = useState<string | null>(null);
  const [transferring, setTransferring] = useState(false);

  const setPriority = async (next: Priority) => {
    setError(null);
    try {
      await routingApi.setPriority(conversationId, next);
    } catch (err) {
      setError(requestErrorText(err));
    }
  };

  return (
    <div class="routing-controls">
      <label>
        {sayConversation('priority')}{' '}
        <select
          data-testid="priority"
          value={priority}
          disabled={disabled}
          onChange={(e) => void setPriority(e.currentTarget.value as Priority)}
        >
          {PRIORITIES.map((p) => (
            <option value={p}>{priorityLabel(p)}</option>
          ))}
        </select>
      </label>
      <RequiredSkills conversationId={conversationId} skills={props.requiredSkills} disabled={disabled} />
      <button
        type="button"
        data-testid="transfer"
        disabled={disabled}
        aria-expanded={transferring}
        onClick={() => setTransferring(!transferring)}
      >
        {sayConversation('transfer')}
      </button>
      {transferring && (
        <TransferForm
          conversationId={conversationId}
          exclude={assigneeId ?? meId}
          statuses={props.statuses}
          onDone={(failure) => (failure ? setError(failure) : setTransferring(false))}
        />
      )}
      {error && (
        <p role="alert" class="hint">
          {error}
        </p>
      )}
    </div>
  );
}

function TransferForm(props: {
  conversationId: string;
  exclude: string;
  statuses: AgentStatuses;
  onDone: (error: string | null) => void;
}) {
  const [agents, setAgents] = useState<Agent[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.listAgents().then(
      ({ agents }) => setAgents(agents.filter((a) => a.active && a.id !== props.exclude)),
      () => undefined,
    );
    routingApi.listTeams().then(
      ({ teams }) => setTeams(teams),
      () => undefined,
    );
  }, [props.exclude]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!target) return;
    const [kind, id] = target.split(':', 2) as ['agent' | 'team', string];
    setBusy(true);
    try {
      await routingApi.transfer(props.conversationId, {
        ...(kind === 'agent' ? { toAgentId: id } : { toTeamId: id }),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      props.onDone(null);
    } catch (err) {
      props.onDone(requestErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="transfer-form" data-testid="transfer-form" onSubmit={(e) => void submit(e)}>
      <label>
        {sayConversation('transferTo')}{' '}
        <select
          data-testid="transfer-target"
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          required
        >
          <option value="">{sayConversation('choose')}</option>
          {agents.length > 0 && (
            <optgroup label={sayConversation('agents')}>
              {byAvailability(agents, props.statuses).map((a) => {
                const status = shownStatus(props.statuses, a.id);
                return (
                  <option value={`agent:${a.id}`} data-status={status ?? 'unknown'}>
                    {status ? say('colleagueStatus', { name: a.name, status: statusText(status) }) : a.name}
                  </option>
                );
              })}
            </optgroup>
          )}
          {teams.length > 0 && (
            <optgroup label={sayConversation('teams')}>
              {teams.map((t) => (
                <option value={`team:${t.id}`}>{t.name}</option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label>
        {sayConversation('transferNote')}
        <textarea
          data-testid="transfer-note"
          maxLength={1000}
          rows={2}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="primary" disabled={busy || !target}>
        {sayConversation('transfer')}
      </button>
    </form>
  );
}

function RequiredSkills(props: { conversationId: string; skills: readonly string[]; disabled: boolean }) {
  const held = formatSkillList(props.skills);
  const [text, setText] = useState(held);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Folded behind a button, as the transfer form is: the header stays short at phone width.
  const [open, setOpen] = useState(false);
  // A change from elsewhere (routing.updated) shows, unless the agent is typing a different list.
  const [shown, setShown] = useState(held);
  if (held !== shown) {
    setShown(held);
    if (text === shown) setText(held);
  }
  const inputId = `required-skills-${props.conversationId}`;

  const save = async (event: Event) => {
    event.preventDefault();
    const skills = parseSkillList(text);
    const problem = skillListProblem(skills);
    if (problem) return setStatus({ error: true, text: problem });
    setBusy(true);
    setStatus(null);
    try {
      await routingApi.setRequiredSkills(props.conversationId, skills);
      setText(formatSkillList(skills));
      setStatus({ error: false, text: say('skillsSaved') });
      setOpen(false);
    } catch (err) {
      setStatus({ error: true, text: requestErrorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const count = props.skills.length;
  return (
    <>
      <button
        type="button"
        data-testid="skills-toggle"
        aria-expanded={open}
        aria-controls={`${inputId}-form`}
        // The short word shows (the header stays one line at phone width); the name says it in full.
        aria-label={`${say('requiredSkills')}${count > 0 ? ` (${count})` : ''}`}
        title={held || undefined}
        onClick={() => setOpen(!open)}
      >
        {say('skillsButton')}
        {count > 0 ? ` (${count})` : ''}
      </button>
      {status && !open && (
        <span role={status.error ? 'alert' : 'status'} class="hint">
          {status.text}
        </span>
      )}
      {open && (
        <form id={`${inputId}-form`} class="transfer-form" onSubmit={(e) => void save(e)}>
          <label for={inputId}>{say('requiredSkills')}</label>
          <input
            id={inputId}
            data-testid="required-skills"
            value={text}
            maxLength={500}
            aria-describedby={`${inputId}-hint`}
            disabled={props.disabled}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <span id={`${inputId}-hint`} class="hint">
            {say('requiredSkillsHint')}
          </span>
          <button
            type="submit"
            data-testid="save-skills"
            disabled={props.disabled || busy || text.trim() === held}
          >
            {say('saveSkills')}
          </button>
          {status && (
            <span role={status.error ? 'alert' : 'status'} class="hint">
              {status.text}
            </span>
          )}
        </form>
      )}
    </>
  );
}
