/**
 * Managing canned responses: on the account page each agent keeps their own (`personal`); on the admin
 * page admins keep the team's (`shared`). The list, delete, and a form to add one.
 */
import { useEffect, useState } from 'preact/hooks';
import { CANNED_LOCALES, SHORTCUT_PATTERN, TOOL_LIMITS } from '@candor/protocol';
import type { CannedResponse } from '@candor/protocol';
import { api } from '../api';
import { isSignedOut, requestErrorText } from './admin-errors';
import { UserText } from './user-text';
import { say } from '../console-text';
import { sayAdmin } from '../admin-text';

interface Props {
  scope: 'shared' | 'personal';
  onSignedOut: () => void;
}

type CannedLocale = (typeof CANNED_LOCALES)[number];
const LANGUAGE: Record<CannedLocale, string> = { en: 'English', fr: 'Français' };
/** A response's language as listed; one without is offered to every visitor. */
const languageOf = (locale: CannedLocale | null) => (locale === null ? say('anyLanguage') : LANGUAGE[locale]);

export function CannedResponsesSection({ scope, onSignedOut }: Props) {
  const [list, setList] = useState<CannedResponse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shortcut, setShortcut] = useState('');
  const [locale, setLocale] = useState<CannedLocale | null>('en');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const fail = (err: unknown) => (isSignedOut(err) ? onSignedOut() : setError(requestErrorText(err)));

  useEffect(() => {
    api.listCannedResponses().then(({ cannedResponses }) => setList(cannedResponses), fail);
  }, []); // onSignedOut is a new closure each render and must not trigger a refetch

  const mine = list?.filter((c) => c.scope === scope) ?? null;
  const titleId = `canned-${scope}-title`;
  const cleanShortcut = shortcut.trim().toLowerCase();
  const shortcutOk = cleanShortcut === '' || SHORTCUT_PATTERN.test(cleanShortcut);

  const add = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { cannedResponse } = await api.createCannedResponse({
        scope,
        shortcut: cleanShortcut,
        locale,
        body,
      });
      setList((held) => [...(held ?? []), cannedResponse]);
      setShortcut('');
      setBody('');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (c: CannedResponse) => {
    setError(null);
    try {
      await api.deleteCannedResponse(c.id);
      setList((held) => held?.filter((x) => x.id !== c.id) ?? null);
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section class="admin-section" aria-labelledby={titleId} data-testid={`canned-${scope}`}>
      <h2 id={titleId}>{sayAdmin(scope === 'shared' ? 'cannedShared' : 'cannedPersonal')}</h2>
      <p class="hint">
        {sayAdmin('cannedHintType')}
        <code>{sayAdmin('cannedHintShortcut')}</code>
        {sayAdmin('cannedHintInsert')}
        <code>{'{{visitor.name}}'}</code>
        {sayAdmin('cannedHintAnd')}
        <code>{'{{agent.name}}'}</code>
        {sayAdmin('cannedHintFilled')}
        {sayAdmin(scope === 'shared' ? 'cannedHintShared' : 'cannedHintPersonal')}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!mine && !error && <p class="quiet">{sayAdmin('loading')}</p>}
      {mine && mine.length === 0 && <p class="quiet">{sayAdmin('noneYet')}</p>}
      {mine && mine.length > 0 && (
        <table class="rules">
          <thead>
            <tr>
              <th scope="col">{sayAdmin('shortcut')}</th>
              <th scope="col">{sayAdmin('language')}</th>
              <th scope="col">{sayAdmin('text')}</th>
              <th scope="col">
                <span class="visually-hidden">{sayAdmin('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mine.map((c) => (
              <tr key={c.id} data-testid="canned-row">
                <td>/{c.shortcut}</td>
                <td>{languageOf(c.locale)}</td>
                <td>
                  <UserText text={c.body} />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={sayAdmin('deleteCanned', {
                      shortcut: c.shortcut,
                      language: languageOf(c.locale),
                    })}
                    onClick={() => void remove(c)}
                  >
                    {sayAdmin('delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={(e) => void add(e)}>
        <label>
          <span>{sayAdmin('shortcut')}</span>
          <input
            required
            maxLength={TOOL_LIMITS.shortcutMax}
            value={shortcut}
            aria-invalid={!shortcutOk}
            aria-describedby={`${titleId}-shortcut-hint`}
            onInput={(e) => setShortcut(e.currentTarget.value)}
          />
        </label>
        <p id={`${titleId}-shortcut-hint`} class={shortcutOk ? 'hint' : 'hint error'}>
          {sayAdmin('shortcutHint')}
        </p>
        <label>
          <span>{sayAdmin('language')}</span>
          <select
            data-testid="canned-locale"
            value={locale ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setLocale(value === 'fr' || value === 'en' ? value : null);
            }}
          >
            {CANNED_LOCALES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE[l]}
              </option>
            ))}
            <option value="">{say('anyLanguage')}</option>
          </select>
        </label>
        <label>
          <span>{sayAdmin('text')}</span>
          <textarea
            required
            rows={3}
            maxLength={TOOL_LIMITS.cannedBodyMax}
            value={body}
            onInput={(e) => setBody(e.currentTarget.value)}
          />
        </label>
        <button
          type="submit"
          class="primary"
          disabled={busy || !shortcutOk || !cleanShortcut || !body.trim()}
        >
          {sayAdmin(scope === 'shared' ? 'addSharedResponse' : 'addResponse')}
        </button>
      </form>
    </section>
  );
}
