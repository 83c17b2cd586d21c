/**
 * Per inbox, its opening hours: the time zone, ranges per day (several a day, none: closed), holidays
 * with an optional label, saved or cancelled as a whole; whether the inbox is open now. The form logic
 * is hours-form.ts; the server checks everything again and its refusal shows next to the field.
 */
import { useEffect, useState } from 'preact/hooks';
import type { HoursStatus, Inbox, Schedule, Weekday } from '@candor/protocol';
import { api, ApiError } from '../api';
import { consoleLang } from '../console-text';
import {
  checkHoursForm,
  dayName,
  defaultForm,
  formOf,
  hasProblems,
  holidayName,
  scheduleOf,
  serverProblems,
  WEEKDAYS,
  withHoliday,
  withHolidayField,
  withoutHoliday,
  withoutRange,
  withRange,
  withRangeTime,
  type HoursForm,
  type HoursProblems,
} from '../hours-form';
import { sayHours as t } from '../hours-text';
import { openingText } from '../opening-text';
import { reportApi } from '../report-api';
import { browserZone, zoneGroups, zoneLabel } from '../time-zones';
import { isSignedOut, requestErrorText } from './admin-errors';

const NO_PROBLEMS: HoursProblems = { days: {}, holidays: {} };

export function HoursSection({ onSignedOut }: { onSignedOut: () => void }) {
  const [inboxes, setInboxes] = useState<Inbox[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.listInboxes().then(
      ({ inboxes }) => setInboxes(inboxes),
      (err) => (isSignedOut(err) ? onSignedOut() : setError(requestErrorText(err))),
    );
  }, []); // onSignedOut is a new closure each render and must not trigger a refetch

  return (
    <section class="admin-section" aria-labelledby="hours-title">
      <h2 id="hours-title">{t('title')}</h2>
      <p class="hint">{t('hint')}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!inboxes && !error && <p class="quiet">{t('loading')}</p>}
      {inboxes?.map((inbox) => (
        <InboxHours key={inbox.id} inbox={inbox} onSignedOut={onSignedOut} />
      ))}
    </section>
  );
}

function InboxHours({ inbox, onSignedOut }: { inbox: Inbox; onSignedOut: () => void }) {
  const lang = consoleLang();
  const [saved, setSaved] = useState<{ hours: Schedule | null; status?: HoursStatus } | null>(null);
  const [form, setForm] = useState<HoursForm | null>(null);
  const [problems, setProblems] = useState<HoursProblems>(NO_PROBLEMS);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (err: unknown) => {
    if (isSignedOut(err)) return onSignedOut();
    // A refusal of the schedule names its field; anything else shows above the form.
    if (err instanceof ApiError && err.code === 'bad_frame' && form)
      setProblems(serverProblems(err.message, form));
    else setProblems({ ...NO_PROBLEMS, form: t('notSaved', { reason: requestErrorText(err) }) });
  };
  const showSaved = (view: { hours: Schedule | null; status?: HoursStatus }) => {
    setSaved(view);
    setForm(view.hours ? formOf(view.hours) : null);
    setProblems(NO_PROBLEMS);
  };
  useEffect(() => {
    reportApi.hours(inbox.id).then(showSaved, fail);
  }, [inbox.id]);

  const put = async (hours: Schedule | null) => {
    setBusy(true);
    setNotice(null);
    try {
      showSaved(await reportApi.setHours(inbox.id, hours));
      setNotice(t('saved'));
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const save = (event: Event) => {
    event.preventDefault();
    if (!form) return;
    const found = checkHoursForm(form, lang);
    setProblems(found);
    if (!hasProblems(found)) void put(scheduleOf(form));
  };
  const edit = (next: HoursForm) => {
    setForm(next);
    setNotice(null);
  };

  if (!saved) return <p class="quiet">{t('loading')}</p>;
  const name = inbox.name;
  const status = saved.status && saved.hours && (
    <p data-testid="hours-status" class="hours-status">
      {openingText(saved.status, saved.hours.timeZone, lang)}
    </p>
  );
  if (!form)
    return (
      <div class="inbox-hours" data-testid="inbox-hours" data-inbox-id={inbox.id}>
        <h3>{t('inboxHours', { inbox: name })}</h3>
        <p data-testid="hours-status">{t('alwaysOpen')}</p>
        <button type="button" onClick={() => edit(defaultForm(browserZone()))}>
          {t('setHours', { inbox: name })}
        </button>
        {problems.form && (
          <p class="error" role="alert">
            {problems.form}
          </p>
        )}
      </div>
    );

  const zoneError = problems.timeZone && `hours-zone-error-${inbox.id}`;
  return (
    <form class="inbox-hours" data-testid="inbox-hours" data-inbox-id={inbox.id} onSubmit={save} noValidate>
      <h3>{t('inboxHours', { inbox: name })}</h3>
      {status}
      <fieldset disabled={busy}>
        <label>
          {t('timeZone')}{' '}
          <select
            value={form.timeZone}
            aria-invalid={problems.timeZone ? true : undefined}
            aria-describedby={zoneError || undefined}
            onChange={(e) => edit({ ...form, timeZone: e.currentTarget.value })}
          >
            {zoneGroups(lang, [form.timeZone, browserZone()]).map((group) => (
              <optgroup label={group.label}>
                {group.zones.map((zone) => (
                  <option value={zone}>{zoneLabel(zone)}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        {zoneError && (
          <p id={zoneError} class="error" role="alert">
            {problems.timeZone}
          </p>
        )}
        <table class="hours-week">
          <tbody>
            {WEEKDAYS.map((day) => (
              <DayRow
                key={day}
                day={day}
                form={form}
                problem={problems.days[day]}
                errorId={`hours-${inbox.id}-${day}-error`}
                onEdit={edit}
              />
            ))}
          </tbody>
        </table>
        <Holidays form={form} problems={problems} idPrefix={`hours-${inbox.id}`} onEdit={edit} />
        {problems.form && (
          <p class="error" role="alert">
            {problems.form}
          </p>
        )}
        <div class="form-actions">
          <button type="submit">{t('save')}</button>{' '}
          <button type="button" onClick={() => showSaved(saved)}>
            {t('cancel')}
          </button>{' '}
          {saved.hours && (
            <button type="button" class="link" onClick={() => void put(null)}>
              {t('removeHours', { inbox: name })}
            </button>
          )}
        </div>
      </fieldset>
      <p role="status" class="quiet">
        {busy ? t('saving') : (notice ?? '')}
      </p>
    </form>
  );
}

interface DayProps {
  day: Weekday;
  form: HoursForm;
  problem: string | undefined;
  /** The id of the day's error line, which its time fields point to. */
  errorId: string;
  onEdit: (form: HoursForm) => void;
}

function DayRow({ day, form, problem, errorId, onEdit }: DayProps) {
  const lang = consoleLang();
  const name = dayName(day, lang);
  const Name = name.charAt(0).toUpperCase() + name.slice(1);
  return (
    <tr data-day={day}>
      <th scope="row">{Name}</th>
      <td>
        {form.days[day].length === 0 && <span class="quiet">{t('closed')}</span>}
        {form.days[day].map((range, k) => (
          <span class="hours-range">
            <input
              type="time"
              value={range.open}
              aria-label={t('rangeOpens', { day: Name, n: k + 1 })}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              onInput={(e) => onEdit(withRangeTime(form, { day, k, edge: 'open' }, e.currentTarget.value))}
            />
            {' – '}
            <input
              type="time"
              value={range.close}
              aria-label={t('rangeCloses', { day: Name, n: k + 1 })}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              onInput={(e) => onEdit(withRangeTime(form, { day, k, edge: 'close' }, e.currentTarget.value))}
            />{' '}
            <button
              type="button"
              class="link"
              aria-label={t('removeRange', { n: k + 1, day: name })}
              onClick={() => onEdit(withoutRange(form, day, k))}
            >
              ×
            </button>
          </span>
        ))}{' '}
        <button type="button" class="link" onClick={() => onEdit(withRange(form, day))}>
          {t('addRange', { day: name })}
        </button>
        {problem && (
          <p id={errorId} class="error" role="alert">
            {problem}
          </p>
        )}
      </td>
    </tr>
  );
}

interface HolidaysProps {
  form: HoursForm;
  problems: HoursProblems;
  idPrefix: string;
  onEdit: (form: HoursForm) => void;
}

function Holidays({ form, problems, idPrefix, onEdit }: HolidaysProps) {
  const lang = consoleLang();
  return (
    <fieldset class="hours-holidays">
      <legend>{t('holidays')}</legend>
      {form.holidays.length === 0 && <p class="quiet">{t('noHolidays')}</p>}
      {form.holidays.map((holiday, k) => {
        const problem = problems.holidays[k];
        const errorId = `${idPrefix}-holiday-${k}-error`;
        const named = holidayName(holiday.date, lang);
        return (
          <div class="hours-holiday">
            <input
              type="date"
              value={holiday.date}
              aria-label={t('holidayDate', { n: k + 1 })}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              onInput={(e) => onEdit(withHolidayField(form, k, 'date', e.currentTarget.value))}
            />{' '}
            <input
              value={holiday.label}
              maxLength={120}
              aria-label={t('holidayLabel', { n: k + 1 })}
              onInput={(e) => onEdit(withHolidayField(form, k, 'label', e.currentTarget.value))}
            />{' '}
            <button type="button" class="link" onClick={() => onEdit(withoutHoliday(form, k))}>
              {named ? t('removeHoliday', { date: named }) : t('removeHolidayUndated', { n: k + 1 })}
            </button>
            {problem && (
              <p id={errorId} class="error" role="alert">
                {problem}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => onEdit(withHoliday(form))}>
        {t('addHoliday')}
      </button>
    </fieldset>
  );
}
