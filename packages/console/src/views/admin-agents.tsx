/**
 * Agents: the list with what an admin may change of each (agent-row.tsx), and a form to add one. A
 * generated password is shown once, as the server sends it once.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent } from '@candor/protocol';
import { api } from '../api';
import { isSignedOut, requestErrorText } from './admin-errors';
import { UserText } from './user-text';
import { AgentRow } from './agent-row';
import { RoleSelect } from './role-select';
import { saySupervision } from '../recovery/supervision-text';
import { sayAgents } from '../agents-text';

type Role = Agent['role'];
const MIN_PASSWORD = 12;

export function AgentsSection({ me, onSignedOut }: { me: Agent; onSignedOut: () => void }) {
  const [agents, setAgents] = useState<Agent[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ agent: Agent; password: string | null } | null>(null);

  useEffect(() => {
    api.listAgents().then(
      ({ agents }) => setAgents(agents),
      (err) =>
        isSignedOut(err) ? onSignedOut() : setLoadError(requestErrorText(err, sayAgents('emailTaken'))),
    );
  }, []); // onSignedOut is a new closure each render and must not trigger a refetch

  return (
    <section class="admin-section" aria-labelledby="agents-title">
      <h2 id="agents-title">{sayAgents('agents')}</h2>
      {created && (
        <Created agent={created.agent} password={created.password} onDone={() => setCreated(null)} />
      )}
      <CreateAgentForm
        onCreated={(agent, password) => {
          setCreated({ agent, password });
          setAgents((list) => (list ? [...list, agent] : [agent]));
        }}
        onSignedOut={onSignedOut}
      />
      <h3>{sayAgents('team')}</h3>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {!agents && !loadError && <p class="quiet">{sayAgents('loadingAgents')}</p>}
      {agents && (
        <table class="agents">
          <thead>
            <tr>
              <th scope="col">{sayAgents('name')}</th>
              <th scope="col">{sayAgents('email')}</th>
              <th scope="col">{sayAgents('role')}</th>
              <th scope="col">{sayAgents('status')}</th>
              <th scope="col">{sayAgents('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((a) => (
              <AgentRow
                key={a.id}
                agent={a}
                isMe={a.id === me.id}
                onChanged={(changed) =>
                  setAgents((list) => list?.map((x) => (x.id === changed.id ? changed : x)) ?? null)
                }
                onSignedOut={onSignedOut}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Created({ agent, password, onDone }: { agent: Agent; password: string | null; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    if (password === null) return;
    // The clipboard API needs a secure context; on plain http the agent selects and copies by hand.
    if (!navigator.clipboard) return setCopied('failed');
    navigator.clipboard.writeText(password).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <section class="created" role="status" aria-labelledby="created-title">
      <h3 id="created-title">
        {sayAgents('added')}
        <UserText text={agent.name} />
      </h3>
      {password === null ? (
        <p>{sayAgents('chosenPassword')}</p>
      ) : (
        <>
          <p>
            {sayAgents('generatedBefore')}
            <UserText text={agent.email ?? agent.name} />
            {sayAgents('generatedAfter')}
          </p>
          <p class="password-line">
            <code data-testid="generated-password">{password}</code>
            <button type="button" data-testid="copy-password" onClick={copy}>
              {sayAgents(copied === 'yes' ? 'copied' : 'copy')}
            </button>
          </p>
          {copied === 'failed' && <p class="hint">{sayAgents('copyFailed')}</p>}
        </>
      )}
      <button type="button" onClick={onDone}>
        {sayAgents('done')}
      </button>
    </section>
  );
}

interface FormProps {
  onCreated: (agent: Agent, password: string | null) => void;
  onSignedOut: () => void;
}

function CreateAgentForm({ onCreated, onSignedOut }: FormProps) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (password && password.length < MIN_PASSWORD) {
      setError(sayAgents('passwordTooShort', { min: MIN_PASSWORD }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await api.createAgent({
        email: email.trim(),
        name: name.trim(),
        role,
        ...(password ? { password } : {}),
      });
      onCreated(res.agent, res.password ?? null);
      setEmail('');
      setName('');
      setRole('agent');
      setPassword('');
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setError(requestErrorText(err, sayAgents('emailTaken')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="create-agent" onSubmit={(e) => void submit(e)} aria-labelledby="create-title">
      <h3 id="create-title">{sayAgents('addAnAgent')}</h3>
      <div class="fields">
        <label>
          <span>{sayAgents('email')}</span>
          <input
            type="email"
            data-testid="agent-email"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{sayAgents('name')}</span>
          <input
            data-testid="agent-name"
            required
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label>
          <span>{saySupervision('role')}</span>
          <RoleSelect role={role} testId="agent-role" onChange={setRole} />
        </label>
        <label>
          <span>
            {sayAgents('password')} <span class="quiet">{sayAgents('optional')}</span>
          </span>
          <input
            type="password"
            data-testid="agent-password"
            autocomplete="new-password"
            value={password}
            aria-describedby="password-hint"
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
      </div>
      <p id="password-hint" class="hint">
        {sayAgents('passwordHint')}
      </p>
      <p class="hint">{saySupervision('roleHint')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        class="primary"
        data-testid="agent-create"
        disabled={busy || !email.trim() || !name.trim()}
      >
        {sayAgents(busy ? 'adding' : 'addAgent')}
      </button>
    </form>
  );
}
