/**
 * One agent in the admin's team table, with what an admin may do to them: rename, change the role
 * (admin, supervisor or agent),
 * deactivate or reactivate (after a confirmation: they are signed out at once), and reset the password
 * (a generated one, shown here once). Every control names the agent it acts on.
 */
import { UserText } from './user-text';
import { useState } from 'preact/hooks';
import type { Agent } from '@candor/protocol';
import { api } from '../api';
import { isSignedOut, requestErrorText } from './admin-errors';
import { RoleSelect, roleName } from './role-select';
import { saySupervision } from '../recovery/supervision-text';
import { sayAgents } from '../agents-text';

interface Props {
  agent: Agent;
  /** The signed-in admin: they cannot deactivate or demote themselves. */
  isMe: boolean;
  onChanged: (agent: Agent) => void;
  onSignedOut: () => void;
}

type Pending = { kind: 'deactivate' } | { kind: 'reset' } | { kind: 'rename'; name: string } | null;

export function AgentRow({ agent, isMe, onChanged, onSignedOut }: Props) {
  const [pending, setPending] = useState<Pending>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = agent.name;

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setPending(null);
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setError(requestErrorText(err, sayAgents('lastAdmin')));
    } finally {
      setBusy(false);
    }
  };
  const change = (body: Parameters<typeof api.updateAgent>[1]) =>
    act(async () => onChanged((await api.updateAgent(agent.id, body)).agent));
  const reset = () => act(async () => setPassword((await api.resetAgentPassword(agent.id)).password));

  return (
    <tr data-testid="agent-row" data-agent-id={agent.id} class={agent.active ? undefined : 'inactive'}>
      <td>
        {pending?.kind === 'rename' ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void change({ name: pending.name.trim() });
            }}
          >
            <input
              aria-label={sayAgents('newNameFor', { name })}
              maxLength={100}
              value={pending.name}
              onInput={(e) => setPending({ kind: 'rename', name: e.currentTarget.value })}
            />
            <button type="submit" disabled={busy || !pending.name.trim()}>
              {sayAgents('save')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {sayAgents('cancel')}
            </button>
          </form>
        ) : (
          <UserText text={name} />
        )}
      </td>
      <td>{agent.email !== undefined && <UserText text={agent.email} />}</td>
      <td>
        {isMe ? (
          roleName(agent.role)
        ) : (
          <RoleSelect
            role={agent.role}
            label={saySupervision('roleOf', { name })}
            disabled={busy}
            onChange={(role) => void change({ role })}
          />
        )}
      </td>
      <td>{sayAgents(agent.active ? 'active' : 'deactivated')}</td>
      <td class="agent-actions">
        <button
          type="button"
          aria-label={sayAgents('renameOf', { name })}
          disabled={busy}
          onClick={() => setPending({ kind: 'rename', name })}
        >
          {sayAgents('rename')}
        </button>
        {!isMe &&
          (agent.active ? (
            <button
              type="button"
              aria-label={sayAgents('deactivateOf', { name })}
              disabled={busy}
              onClick={() => setPending({ kind: 'deactivate' })}
            >
              {sayAgents('deactivate')}
            </button>
          ) : (
            <button
              type="button"
              aria-label={sayAgents('reactivateOf', { name })}
              disabled={busy}
              onClick={() => void change({ active: true })}
            >
              {sayAgents('reactivate')}
            </button>
          ))}
        <button
          type="button"
          aria-label={sayAgents('resetPasswordOf', { name })}
          disabled={busy}
          onClick={() => setPending({ kind: 'reset' })}
        >
          {sayAgents('resetPassword')}
        </button>
        {pending?.kind === 'deactivate' && (
          <Confirm
            text={sayAgents('deactivateAsk', { name })}
            action={sayAgents('deactivateYes', { name })}
            busy={busy}
            onConfirm={() => void change({ active: false })}
            onCancel={() => setPending(null)}
          />
        )}
        {pending?.kind === 'reset' && (
          <Confirm
            text={sayAgents('resetAsk', { name })}
            action={sayAgents('resetYes', { name })}
            busy={busy}
            onConfirm={() => void reset()}
            onCancel={() => setPending(null)}
          />
        )}
        {password !== null && (
          <div class="created" role="status">
            <p>{sayAgents('newPasswordFor', { name })}</p>
            <p class="password-line">
              <code data-testid="reset-password">{password}</code>
            </p>
            <button type="button" onClick={() => setPassword(null)}>
              {sayAgents('done')}
            </button>
          </div>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}

interface ConfirmProps {
  text: string;
  action: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

function Confirm({ text, action, busy, onConfirm, onCancel }: ConfirmProps) {
  return (
    <div class="confirm" role="group" aria-label={action}>
      <p>{text}</p>
      {/* Focus moves here so a keyboard user hears the question and can answer it at once. */}
      <button type="button" class="danger" autoFocus disabled={busy} onClick={onConfirm}>
        {action}
      </button>
      <button type="button" onClick={onCancel}>
        {sayAgents('cancel')}
      </button>
    </div>
  );
}
