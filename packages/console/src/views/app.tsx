/** The sign-in gate: ask the server who we are, then show the login page or the workspace. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Agent } from '@candor/protocol';
import { api, ApiError } from '../api';
import { LoginPage } from './login';
import { Workspace } from './workspace';
import { sayShell } from '../shell-text';

type Auth =
  | { kind: 'checking' }
  | { kind: 'unreachable' }
  | { kind: 'signed-out'; notice: string | null; email: string }
  | { kind: 'signed-in'; agent: Agent };

export function App() {
  const [auth, setAuth] = useState<Auth>({ kind: 'checking' });

  const check = useCallback(() => {
    setAuth({ kind: 'checking' });
    api.session().then(
      ({ agent }) =>
        setAuth(agent ? { kind: 'signed-in', agent } : { kind: 'signed-out', notice: null, email: '' }),
      (err) =>
        setAuth(
          err instanceof ApiError && err.status === 401
            ? { kind: 'signed-out', notice: null, email: '' }
            : { kind: 'unreachable' },
        ),
    );
  }, []);
  useEffect(check, [check]);

  switch (auth.kind) {
    case 'checking':
      return <p class="splash">{sayShell('loading')}</p>;
    case 'unreachable':
      return (
        <div class="splash" role="alert">
          <p>{sayShell('unreachable')}</p>
          <button type="button" onClick={check}>
            {sayShell('tryAgain')}
          </button>
        </div>
      );
    case 'signed-out':
      return (
        <LoginPage
          notice={auth.notice}
          email={auth.email}
          onSignedIn={(agent) => setAuth({ kind: 'signed-in', agent })}
        />
      );
    case 'signed-in':
      return (
        <Workspace
          key={auth.agent.id}
          agent={auth.agent}
          onSignedOut={(notice) => setAuth({ kind: 'signed-out', notice, email: auth.agent.email ?? '' })}
          onAgentChanged={check}
        />
      );
  }
}
