/** Email and password; a 401 says "wrong credentials" plainly and keeps the email typed. */
import { useState } from 'preact/hooks';
import type { Agent } from '@candor/protocol';
import { api, ApiError } from '../api';
import { errorText } from '../error-text';
import { sayShell } from '../shell-text';

interface Props {
  notice: string | null;
  /** Prefilled when the session ended under the agent's feet, so signing back in is one field. */
  email: string;
  onSignedIn: (agent: Agent) => void;
}

export function LoginPage({ notice, email: knownEmail, onSignedIn }: Props) {
  const [email, setEmail] = useState(knownEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(sayShell('enterCredentials'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { agent } = await api.login(email.trim(), password);
      onSignedIn(agent);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.status === 401) setError(sayShell('wrongCredentials'));
      else if (err instanceof ApiError) setError(errorText(err.code, err.message));
      else setError(sayShell('signInFailed'));
    }
  };

  return (
    <main class="login">
      <form class="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">{sayShell('signInTitle')}</h1>
        <label for="login-email">{sayShell('email')}</label>
        <input
          id="login-email"
          data-testid="login-email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : 'login-error'}
        />
        <label for="login-password">{sayShell('password')}</label>
        <input
          id="login-password"
          data-testid="login-password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : 'login-error'}
        />
        {error !== null && (
          <p id="login-error" class="error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" class="primary" data-testid="login-submit" disabled={busy}>
          {busy ? sayShell('signingIn') : sayShell('signIn')}
        </button>
      </form>
    </main>
  );
}
