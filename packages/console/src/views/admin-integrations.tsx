/**
 * API tokens and webhooks (issue 14, admins): what the host site's back end uses to keep accounts on
 * file and to hear of recovery decisions. A new token or signing secret is shown once, here, and never
 * again (the server keeps a hash); revoking and deleting ask first.
 */
import { useEffect, useState } from 'preact/hooks';
import { API_TOKEN_SCOPES, WEBHOOK_EVENTS } from '@candor/protocol';
import type {
  Agent,
  ApiToken,
  ApiTokenScope,
  Webhook,
  WebhookDelivery,
  WebhookEvent,
} from '@candor/protocol';
import { ApiError } from '../api';
import { consoleLang } from '../console-text';
import { integrationsApi } from '../integrations/integrations-api';
import {
  attemptsKey,
  deliveryStatusKey,
  eventKey,
  readTokenForm,
  readWebhookForm,
  scopeKey,
  toggled,
} from '../integrations/integrations-form';
import { sayIntegrations as t } from '../integrations/integrations-text';
import { isSignedOut, requestErrorText } from './admin-errors';
import { UserText } from './user-text';

interface Props {
  me: Agent;
  onSignedOut: () => void;
}

export function IntegrationsPage({ me, onSignedOut }: Props) {
  if (me.role !== 'admin') {
    return (
      <main class="admin">
        <p>{t('only')}</p>
      </main>
    );
  }
  return (
    <main class="admin integrations" aria-labelledby="integrations-title">
      <h1 id="integrations-title">{t('title')}</h1>
      <TokensSection onSignedOut={onSignedOut} />
      <WebhooksSection onSignedOut={onSignedOut} />
    </main>
  );
}

/** The server's reason as it says it: a refused URL or a limit reads better than a generic "conflict". */
function reasonOf(err: unknown): string {
  if (err instanceof ApiError && (err.code === 'bad_frame' || err.code === 'conflict') && err.message)
    return err.message;
  return requestErrorText(err);
}

function when(at: number): string {
  return new Date(at).toLocaleString(consoleLang(), { dateStyle: 'medium', timeStyle: 'short' });
}

function TokensSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);

  const load = () =>
    integrationsApi.listTokens().then(
      (r) => setTokens(r.tokens),
      (err: unknown) => (isSignedOut(err) ? onSignedOut() : setLoadError(requestErrorText(err))),
    );
  useEffect(() => void load(), []); // onSignedOut is a new closure each render and must not refetch

  return (
    <section class="admin-section" aria-labelledby="tokens-title" data-testid="api-tokens">
      <h2 id="tokens-title">{t('tokensTitle')}</h2>
      <p class="hint">{t('tokensHint')}</p>
      {shown && (
        <ShownOnce
          title={t('tokenCreated', { name: shown.name })}
          text={t('tokenOnce')}
          value={shown.token}
          valueLabel={t('tokenValue')}
          copyLabel={t('copyToken')}
          testId="new-token"
          onDone={() => setShown(null)}
        />
      )}
      <CreateTokenForm
        onCreated={(name, token) => {
          setShown({ name, token });
          void load();
        }}
        onSignedOut={onSignedOut}
      />
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {!tokens && !loadError && <p class="quiet">{t('tokensLoading')}</p>}
      {tokens && tokens.length === 0 && <p class="quiet">{t('tokensEmpty')}</p>}
      {tokens && tokens.length > 0 && (
        <ul class="integration-list">
          {tokens.map((token) => (
            <TokenRow key={token.id} token={token} onChanged={() => void load()} onSignedOut={onSignedOut} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CreateTokenForm({
  onCreated,
  onSignedOut,
}: {
  onCreated: (name: string, token: string) => void;
  onSignedOut: () => void;
}) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiTokenScope[]>(['accounts:write']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const read = readTokenForm(name, scopes);
    if (!read.ok) return setError(read.problems.map((p) => t(p)).join(' '));
    setError(null);
    setBusy(true);
    try {
      const created = await integrationsApi.createToken(read.value);
      onCreated(read.value.name, created.token);
      setName('');
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setError(t('notDone', { reason: reasonOf(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={(e) => void submit(e)} aria-labelledby="create-token-title" noValidate>
      <h3 id="create-token-title">{t('createToken')}</h3>
      <div class="fields">
        <label>
          <span>{t('tokenName')}</span>
          <input
            data-testid="token-name"
            maxLength={100}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
      </div>
      <fieldset class="choices">
        <legend>{t('scopes')}</legend>
        {API_TOKEN_SCOPES.map((scope) => (
          <label key={scope}>
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) =>
                setScopes((held) => toggled(API_TOKEN_SCOPES, held, scope, e.currentTarget.checked))
              }
            />{' '}
            {t(scopeKey(scope))}
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary" data-testid="token-create" disabled={busy}>
        {busy ? t('creatingToken') : t('createToken')}
      </button>
    </form>
  );
}

function TokenRow({
  token,
  onChanged,
  onSignedOut,
}: {
  token: ApiToken;
  onChanged: () => void;
  onSignedOut: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const revoked = token.revokedAt !== null;

  const revoke = async () => {
    setError(null);
    try {
      await integrationsApi.revokeToken(token.id);
      setConfirming(false);
      onChanged();
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setError(t('notDone', { reason: reasonOf(err) }));
    }
  };

  return (
    <li class={revoked ? 'integration revoked' : 'integration'} data-testid="token-row">
      <div class="integration-head">
        <strong>
          <UserText text={token.name} />
        </strong>
        <span class={revoked ? 'pill error' : 'pill'} data-testid="token-state">
          {revoked ? t('revokedAt', { time: when(token.revokedAt ?? 0) }) : t('active')}
        </span>
      </div>
      <p class="quiet">{token.scopes.join(', ')}</p>
      <p class="quiet">
        {t('created', { time: when(token.createdAt) })} ·{' '}
        {token.lastUsedAt === null ? t('neverUsed') : t('lastUsed', { time: when(token.lastUsedAt) })}
      </p>
      {!revoked && !confirming && (
        <button
          type="button"
          class="danger"
          aria-label={t('revokeLabel', { name: token.name })}
          onClick={() => setConfirming(true)}
        >
          {t('revoke')}
        </button>
      )}
      {confirming && (
        <div class="confirm" role="group" aria-label={t('revokeLabel', { name: token.name })}>
          <p>{t('revokeConfirm', { name: token.name })}</p>
          <button type="button" class="danger" onClick={() => void revoke()}>
            {t('revokeYes', { name: token.name })}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** A token or secret the server gives once: shown in a read-only field to select, with a Copy button. */
function ShownOnce(props: {
  title: string;
  text: string;
  value: string;
  valueLabel: string;
  copyLabel: string;
  testId: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    // The clipboard API needs a secure context; on plain http the admin selects and copies by hand.
    if (!navigator.clipboard) return setCopied('failed');
    navigator.clipboard.writeText(props.value).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <section class="created" role="status" aria-label={props.title}>
      <h3>{props.title}</h3>
      <p>{props.text}</p>
      <p class="password-line">
        <input
          readOnly
          class="secret-value"
          data-testid={props.testId}
          aria-label={props.valueLabel}
          value={props.value}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" aria-label={props.copyLabel} onClick={copy}>
          {copied === 'yes' ? t('copied') : t('copy')}
        </button>
      </p>
      {copied === 'failed' && <p class="hint">{t('copyFailed')}</p>}
      <button type="button" onClick={props.onDone}>
        {t('done')}
      </button>
    </section>
  );
}

function WebhooksSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ url: string; secret: string } | null>(null);

  const load = () =>
    integrationsApi.listWebhooks().then(
      (r) => setWebhooks(r.webhooks),
      (err: unknown) => (isSignedOut(err) ? onSignedOut() : setLoadError(requestErrorText(err))),
    );
  useEffect(() => void load(), []); // onSignedOut is a new closure each render and must not refetch

  return (
    <section class="admin-section" aria-labelledby="webhooks-title" data-testid="webhooks">
      <h2 id="webhooks-title">{t('webhooksTitle')}</h2>
      <p class="hint">{t('webhooksHint')}</p>
      {shown && (
        <ShownOnce
          title={t('webhookCreated', { url: shown.url })}
          text={t('secretOnce')}
          value={shown.secret}
          valueLabel={t('secretValue')}
          copyLabel={t('copySecret')}
          testId="new-secret"
          onDone={() => setShown(null)}
        />
      )}
      <CreateWebhookForm
        onCreated={(url, secret) => {
          setShown({ url, secret });
          void load();
        }}
        onSignedOut={onSignedOut}
      />
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {!webhooks && !loadError && <p class="quiet">{t('webhooksLoading')}</p>}
      {webhooks && webhooks.length === 0 && <p class="quiet">{t('webhooksEmpty')}</p>}
      {webhooks && webhooks.length > 0 && (
        <ul class="integration-list">
          {webhooks.map((hook) => (
            <WebhookRow key={hook.id} hook={hook} onChanged={() => void load()} onSignedOut={onSignedOut} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CreateWebhookForm({
  onCreated,
  onSignedOut,
}: {
  onCreated: (url: string, secret: string) => void;
  onSignedOut: () => void;
}) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const read = readWebhookForm(url, events);
    if (!read.ok) return setError(read.problems.map((p) => t(p)).join(' '));
    setError(null);
    setBusy(true);
    try {
      const created = await integrationsApi.createWebhook(read.value);
      onCreated(read.value.url, created.secret);
      setUrl('');
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      setError(t('notDone', { reason: reasonOf(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card" onSubmit={(e) => void submit(e)} aria-labelledby="add-webhook-title" noValidate>
      <h3 id="add-webhook-title">{t('addWebhook')}</h3>
      <div class="fields">
        <label>
          <span>{t('url')}</span>
          <input
            type="url"
            data-testid="webhook-url"
            inputMode="url"
            placeholder="https://"
            maxLength={2000}
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
      </div>
      <fieldset class="choices">
        <legend>{t('events')}</legend>
        {WEBHOOK_EVENTS.map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              checked={events.includes(name)}
              onChange={(e) =>
                setEvents((held) => toggled(WEBHOOK_EVENTS, held, name, e.currentTarget.checked))
              }
            />{' '}
            {t(eventKey(name) ?? 'events')}
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="primary" data-testid="webhook-create" disabled={busy}>
        {busy ? t('addingWebhook') : t('addWebhook')}
      </button>
    </form>
  );
}

function WebhookRow({
  hook,
  onChanged,
  onSignedOut,
}: {
  hook: Webhook;
  onChanged: () => void;
  onSignedOut: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);

  const failed = (err: unknown) => {
    if (isSignedOut(err)) return onSignedOut();
    setStatus({ text: t('notDone', { reason: reasonOf(err) }), failed: true });
  };
  const loadDeliveries = () =>
    integrationsApi.deliveries(hook.id).then((r) => setDeliveries(r.deliveries), failed);

  const ping = async () => {
    setStatus(null);
    try {
      await integrationsApi.pingWebhook(hook.id);
      setStatus({ text: t('pingSent'), failed: false });
      setOpen(true);
      await loadDeliveries();
    } catch (err) {
      failed(err);
    }
  };
  const remove = async () => {
    try {
      await integrationsApi.deleteWebhook(hook.id);
      onChanged();
    } catch (err) {
      failed(err);
    }
  };
  const toggle = () => {
    if (open) return setOpen(false);
    setOpen(true);
    void loadDeliveries();
  };

  return (
    <li class="integration" data-testid="webhook-row">
      <div class="integration-head">
        <strong class="webhook-url">
          <UserText text={hook.url} />
        </strong>
        <span class={hook.disabledAt === null ? 'pill' : 'pill error'}>
          {hook.disabledAt === null ? t('enabled') : t('disabled', { reason: hook.disabledReason ?? '' })}
        </span>
      </div>
      <ul class="quiet event-list">
        {hook.events.map((name) => {
          const key = eventKey(name);
          return <li key={name}>{key ? t(key) : name}</li>;
        })}
      </ul>
      <div class="agent-actions">
        <button
          type="button"
          aria-label={t('pingLabel', { url: hook.url })}
          disabled={hook.disabledAt !== null}
          onClick={() => void ping()}
        >
          {t('ping')}
        </button>
        <button
          type="button"
          aria-expanded={open}
          aria-label={open ? undefined : t('deliveriesLabel', { url: hook.url })}
          onClick={toggle}
        >
          {open ? t('hideDeliveries') : t('deliveries')}
        </button>
        {!confirming && (
          <button
            type="button"
            class="danger"
            aria-label={t('deleteLabel', { url: hook.url })}
            onClick={() => setConfirming(true)}
          >
            {t('delete')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-label={t('deleteLabel', { url: hook.url })}>
          <p>{t('deleteConfirm', { url: hook.url })}</p>
          <button type="button" class="danger" onClick={() => void remove()}>
            {t('deleteYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {status && (
        <p role={status.failed ? 'alert' : 'status'} class={status.failed ? 'error' : 'quiet'}>
          {status.text}
        </p>
      )}
      {open && (
        <div class="deliveries" data-testid="deliveries">
          <h3>{t('deliveries')}</h3>
          <button
            type="button"
            aria-label={t('refreshDeliveries', { url: hook.url })}
            onClick={() => void loadDeliveries()}
          >
            {t('refresh')}
          </button>
          {!deliveries && <p class="quiet">{t('deliveriesLoading')}</p>}
          {deliveries && deliveries.length === 0 && <p class="quiet">{t('deliveriesEmpty')}</p>}
          {deliveries && deliveries.length > 0 && (
            <ul>
              {deliveries.map((d) => (
                <li key={d.id} data-testid="delivery">
                  <code>{d.eventType}</code> · {t(deliveryStatusKey(d.status))} ·{' '}
                  {t(attemptsKey(d.attempts), { count: d.attempts })} ·{' '}
                  {d.lastStatus === null ? t('noAnswer') : t('lastStatus', { status: d.lastStatus })} ·{' '}
                  {when(d.createdAt)}
                  {d.lastError && <span class="quiet"> · {d.lastError}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  );
}
