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

interface Props {
  agent: Agent;
  /** The signed-in admin: they cannot deactivate or demote themselves. */
  isMe: boolean;
  onChanged: (agent: Agent) => void;
  onSignedOut: () => void;
}

type Pending = { kind: 'deactivate' } | { kind: 'reset' } | { kind: 'rename'; name: string } | null;

const LAST_ADMIN = 'This is the last active admin; make another admin first.';

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
      setError(requestErrorText(err, LAST_ADMIN));
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
              aria-label={`New name for ${name}`}
              maxLength={100}
              value={pending.name}
              onInput={(e) => setPending({ kind: 'rename', name: e.currentTarget.value })}
            />
            <button type="submit" disabled={busy || !pending.name.trim()}>
              Save
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Cancel
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
      <td>{agent.active ? 'Active' : 'Deactivated'}</td>
      <td class="agent-actions">
        <button
          type="button"
          aria-label={`Rename ${name}`}
          disabled={busy}
          onClick={() => setPending({ kind: 'rename', name })}
        >
          Rename
        </button>
        {!isMe &&
          (agent.active ? (
            <button
              type="button"
              aria-label={`Deactivate ${name}`}
              disabled={busy}
              onClick={() => setPending({ kind: 'deactivate' })}
            >
              Deactivate
            </button>
          ) : (
            <button
              type="button"
              aria-label={`Reactivate ${name}`}
              disabled={busy}
              onClick={() => void change({ active: true })}
            >
              Reactivate
            </button>
          ))}
        <button
          type="button"
          aria-label={`Reset password of ${name}`}
          disabled={busy}
          onClick={() => setPending({ kind: 'reset' })}
        >
          Reset password
        </button>
        {pending?.kind === 'deactivate' && (
          <Confirm
            text={`Deactivate ${name}? They are signed out everywhere at once and cannot sign in until reactivated.`}
            action={`Yes, deactivate ${name}`}
            busy={busy}
            onConfirm={() => void change({ active: false })}
            onCancel={() => setPending(null)}
          />
        )}
        {pending?.kind === 'reset' && (
          <Confirm
            text={`Give ${name} a new generated password? They are signed out everywhere at once.`}
            action={`Yes, reset the password of ${name}`}
            busy={busy}
            onConfirm={() => void reset()}
            onCancel={() => setPending(null)}
          />
        )}
        {password !== null && (
          <div class="created" role="status">
            <p>New password for {name}, shown only once. Send it to them through a safe channel.</p>
            <p class="password-line">
              <code data-testid="reset-password">{password}</code>
            </p>
            <button type="button" onClick={() => setPassword(null)}>
              Done
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
        Cancel
      </button>
    </div>
  );
}
