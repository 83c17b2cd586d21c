/**
 * Account recovery settings (issue 14, admins): the team recovery chats go to, how long a replaced
 * contact can still receive a code, and per action whether a supervisor approves and the cooling-off
 * hours. Checked here first; the server's refusals are shown beside the field they name, or above the
 * button when they name none (e.g. a setting looser than the server's floor).
 */
import { useEffect, useState } from 'preact/hooks';
import { RECOVERY_ACTIONS, visibleControls } from '@candor/protocol';
import type { Team } from '@candor/protocol';
import { ApiError } from '../api';
import { routingApi } from '../routing-api';
import { recoveryApi } from '../recovery/recovery-api';
import { actionName } from '../recovery/recovery-wording';
import {
  changedByServer,
  fieldOfServerError,
  formFromSettings,
  readSettingsForm,
} from '../recovery/settings-form';
import type { SettingsField, SettingsForm } from '../recovery/settings-form';
import { saySupervision } from '../recovery/supervision-text';
import { isSignedOut, requestErrorText } from './admin-errors';

type Errors = Partial<Record<SettingsField, string>>;

export function RecoverySettingsSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [teams, setTeams] = useState<Team[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    recoveryApi.settings().then(
      (settings) => setForm(formFromSettings(settings)),
      (err: unknown) => (isSignedOut(err) ? onSignedOut() : setLoadError(requestErrorText(err))),
    );
    routingApi.listTeams().then(
      (r) => setTeams(r.teams),
      () => undefined, // the held team stays selectable by id; the rest of the form works
    );
  }, []); // onSignedOut is a new closure each render and must not trigger a refetch

  const save = async (event: Event) => {
    event.preventDefault();
    if (!form) return;
    setStatus(null);
    const read = readSettingsForm(form);
    if (!read.ok) {
      const words: Errors = {};
      for (const [field, key] of Object.entries(read.errors))
        words[field as SettingsField] = saySupervision(key);
      return setErrors(words);
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await recoveryApi.saveSettings(read.settings);
      setForm(formFromSettings(saved));
      const raised = changedByServer(read.settings, saved);
      setStatus({ text: saySupervision(raised ? 'settingsRaised' : 'settingsSaved'), failed: false });
    } catch (err) {
      if (isSignedOut(err)) return onSignedOut();
      const field = err instanceof ApiError ? fieldOfServerError(err.message) : null;
      if (field && err instanceof ApiError) setErrors({ [field]: err.message });
      setStatus({
        text: saySupervision('settingsNotSaved', { reason: requestErrorText(err) }),
        failed: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const change = (patch: (held: SettingsForm) => SettingsForm) =>
    setForm((held) => (held ? patch(held) : held));

  return (
    <section class="admin-section" aria-labelledby="recovery-settings-title" data-testid="recovery-settings">
      <h2 id="recovery-settings-title">{saySupervision('settingsTitle')}</h2>
      <p class="hint">{saySupervision('settingsHint')}</p>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {!form && !loadError && <p class="quiet">{saySupervision('settingsLoading')}</p>}
      {form && (
        <form class="recovery-settings" onSubmit={(e) => void save(e)} noValidate>
          <label>
            <span>{saySupervision('settingsTeam')}</span>
            <select
              data-testid="recovery-team"
              value={form.teamId}
              aria-invalid={errors.teamId !== undefined}
              aria-describedby="recovery-team-error"
              onChange={(e) => {
                const teamId = e.currentTarget.value;
                change((held) => ({ ...held, teamId }));
              }}
            >
              <option value="">{saySupervision('settingsNoTeam')}</option>
              {form.teamId !== '' && !teams.some((t) => t.id === form.teamId) && (
                <option value={form.teamId}>{form.teamId}</option>
              )}
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {visibleControls(t.name)}
                </option>
              ))}
            </select>
          </label>
          <FieldError id="recovery-team-error" text={errors.teamId} />
          <label>
            <span>{saySupervision('settingsDays')}</span>
            <input
              data-testid="recovery-days"
              inputMode="numeric"
              value={form.recentlyReplacedDays}
              aria-invalid={errors.recentlyReplacedDays !== undefined}
              aria-describedby="recovery-days-hint recovery-days-error"
              onInput={(e) => {
                const recentlyReplacedDays = e.currentTarget.value;
                change((held) => ({ ...held, recentlyReplacedDays }));
              }}
            />
          </label>
          <p id="recovery-days-hint" class="hint">
            {saySupervision('settingsDaysHint')}
          </p>
          <FieldError id="recovery-days-error" text={errors.recentlyReplacedDays} />
          {RECOVERY_ACTIONS.map((action) => {
            const fields = form.actions[action];
            const name = actionName(action);
            const hoursError = errors[`actions.${action}.coolingOffHours`];
            const setAction = (next: Partial<typeof fields>) =>
              change((held) => ({
                ...held,
                actions: { ...held.actions, [action]: { ...held.actions[action], ...next } },
              }));
            return (
              <fieldset key={action} data-testid={`recovery-setting-${action}`}>
                <legend>{name}</legend>
                <label>
                  <input
                    type="checkbox"
                    data-testid="recovery-approval"
                    checked={fields.approval}
                    onChange={(e) => setAction({ approval: e.currentTarget.checked })}
                  />{' '}
                  {saySupervision('settingsApproval', { action: name })}
                </label>
                <FieldError
                  id={`recovery-approval-${action}-error`}
                  text={errors[`actions.${action}.approval`]}
                />
                <label>
                  <span>{saySupervision('settingsCooling', { action: name })}</span>
                  <input
                    data-testid="recovery-cooling"
                    inputMode="decimal"
                    value={fields.coolingOffHours}
                    aria-invalid={hoursError !== undefined}
                    aria-describedby={`recovery-cooling-hint recovery-cooling-${action}-error`}
                    onInput={(e) => setAction({ coolingOffHours: e.currentTarget.value })}
                  />
                </label>
                <FieldError id={`recovery-cooling-${action}-error`} text={hoursError} />
              </fieldset>
            );
          })}
          <p id="recovery-cooling-hint" class="hint">
            {saySupervision('settingsCoolingHint')}
          </p>
          {status && (
            <p role={status.failed ? 'alert' : 'status'} class={status.failed ? 'error' : 'quiet'}>
              {status.text}
            </p>
          )}
          <button type="submit" class="primary" data-testid="recovery-settings-save" disabled={busy}>
            {saySupervision('settingsSave')}
          </button>
        </form>
      )}
    </section>
  );
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return (
    <p id={id} class="error field-error" data-testid="field-error" hidden={text === undefined}>
      {text}
    </p>
  );
}
