/** The agent's own account: display name, password, and the sessions they are signed in with. */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, AgentSessionInfo } from '@candor/protocol';
import { api, ApiError } from '../api';
import { isSignedOut, requestErrorText } from './admin-errors';
import { CannedResponsesSection } from './canned-responses';
import type { NotificationControls } from '../notifications/use-notifications';
import { NotificationSettings } from './notification-settings';
import { sayAgents } from '../agents-text';

const MIN_PASSWORD = 12;

interface Props {
  me: Agent;
  onSignedOut: () => void;
  onRenamed: () => void;
}

export function AccountPage({
  me,
  onSignedOut,
  onRenamed,
  notifications,
}: Props & { notifications: NotificationControls }) {
  return (
    <main class="admin account" aria-labelledby="account-title">
      <h1 id="account-title">{sayAgents('yourAccount')}</h1>
      <NameSection me={me} onSignedOut={onSignedOut} onRenamed={onRenamed} />
      <NotificationSettings controls={notifications} />
      <PasswordSection onSignedOut={onSignedOut} />
      <SessionsSection onSignedOut={onSignedOut} />
      <CannedResponsesSection scope="personal" onSignedOut={onSignedOut} />
    </main>
  );
}

function NameSection({ me, onSignedOut, onRenamed }: Props) {
  const [name, setName] = useState(me.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.renameMe(name.trim());
      onRenamed();
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setError(requestErrorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="admin-section" aria-labelledby="name-title">
      <h2 id="name-title">{sayAgents('displayName')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          <span>{sayAgents('nameShown')}</span>
          <input
            data-testid="my-name"
            required
            maxLength={100}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy || !name.trim() || name.trim() === me.name}>
          {sayAgents('saveName')}
        </button>
      </form>
    </section>
  );
}

function PasswordSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (next.length < MIN_PASSWORD) {
      setMessage({ ok: false, text: sayAgents('newPasswordTooShort', { min: MIN_PASSWORD }) });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await api.changeMyPassword(current, next);
      setCurrent('');
      setNext('');
      setMessage({ ok: true, text: sayAgents('passwordChanged') });
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      const wrong = err instanceof ApiError && err.code === 'forbidden';
      setMessage({ ok: false, text: wrong ? sayAgents('wrongPassword') : requestErrorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="admin-section" aria-labelledby="password-title">
      <h2 id="password-title">{sayAgents('password')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <div class="fields">
          <label>
            <span>{sayAgents('currentPassword')}</span>
            <input
              type="password"
              autocomplete="current-password"
              required
              value={current}
              onInput={(e) => setCurrent(e.currentTarget.value)}
            />
          </label>
          <label>
            <span>{sayAgents('newPassword')}</span>
            <input
              type="password"
              autocomplete="new-password"
              required
              aria-describedby="new-password-hint"
              value={next}
              onInput={(e) => setNext(e.currentTarget.value)}
            />
          </label>
        </div>
        <p id="new-password-hint" class="hint">
          {sayAgents('newPasswordHint', { min: MIN_PASSWORD })}
        </p>
        {message && (
          <p class={message.ok ? 'quiet' : 'error'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy || !current || !next}>
          {sayAgents('changePassword')}
        </button>
      </form>
    </section>
  );
}

function sessionLabel(session: AgentSessionInfo): string {
  const from = [session.userAgent, session.ip].filter(Boolean).join(', ');
  const started = new Date(session.createdAt).toLocaleString();
  return from ? sayAgents('sessionFrom', { from, started }) : sayAgents('sessionAt', { started });
}

function SessionsSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [sessions, setSessions] = useState<AgentSessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => (isSignedOut(err) ? onSignedOut() : setError(requestErrorText(err)));
  const load = () => api.listMySessions().then(({ sessions }) => setSessions(sessions), fail);
  useEffect(() => void load(), []); // onSignedOut is a new closure each render and must not trigger a refetch

  const end = (id: string) => {
    setError(null);
    api.endMySession(id).then(() => load(), fail);
  };
  return (
    <section class="admin-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{sayAgents('whereSignedIn')}</h2>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!sessions && !error && <p class="quiet">{sayAgents('loadingSessions')}</p>}
      {sessions && (
        <ul class="sessions">
          {sessions.map((s) => (
            <li key={s.id} data-testid="session-row">
              <span>{sessionLabel(s)}</span>
              {s.current ? (
                <strong>{sayAgents('thisBrowser')}</strong>
              ) : (
                <button
                  type="button"
                  aria-label={sayAgents('endSessionOf', { session: sessionLabel(s) })}
                  onClick={() => end(s.id)}
                >
                  {sayAgents('endSession')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
