/**
 * The ratings report (admins): average, count and distribution over a date range, per agent and per
 * inbox, then the recent ratings with their comment and a link to the conversation. The figures are
 * counted by the server (GET /api/v1/ratings/summary); the logic is ratings-report.ts.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Agent, Inbox, Rating, RatingsSummary, RatingStats } from '@candor/protocol';
import { api } from '../api';
import { consoleLang } from '../console-text';
import {
  averageText,
  defaultFilters,
  filterProblem,
  headline,
  ratedAt,
  reportQuery,
  shares,
  type ReportFilters,
} from '../ratings-report';
import { sayRatings as t } from '../ratings-text';
import { reportApi } from '../report-api';
import { navigate, pathFor } from '../route';
import { isSignedOut, requestErrorText } from './admin-errors';
import { UserText } from './user-text';

const PAGE = 20;

interface Loaded {
  summary: RatingsSummary;
  ratings: Rating[];
  nextCursor: string | null;
}

export function RatingsPage({ me, onSignedOut }: { me: Agent; onSignedOut: () => void }) {
  const lang = consoleLang();
  const [filters, setFilters] = useState<ReportFilters>(() => defaultFilters());
  const [agents, setAgents] = useState<Agent[]>([]);
  const [inboxes, setInboxes] = useState<Inbox[]>([]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fail = (err: unknown) => (isSignedOut(err) ? onSignedOut() : setError(requestErrorText(err)));

  const load = async (f: ReportFilters) => {
    const problem = filterProblem(f, lang);
    setError(problem ?? null);
    if (problem) return;
    setBusy(true);
    try {
      const [{ summary }, page] = await Promise.all([
        reportApi.summary(reportQuery(f)),
        reportApi.ratings(reportQuery(f, { limit: String(PAGE) })),
      ]);
      setLoaded({ summary, ratings: page.ratings, nextCursor: page.nextCursor });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const more = async () => {
    if (!loaded?.nextCursor) return;
    try {
      const page = await reportApi.ratings(
        reportQuery(filters, { limit: String(PAGE), cursor: loaded.nextCursor }),
      );
      setLoaded({ ...loaded, ratings: [...loaded.ratings, ...page.ratings], nextCursor: page.nextCursor });
    } catch (err) {
      fail(err);
    }
  };
  useEffect(() => {
    if (me.role !== 'admin') return;
    api.listAgents().then(({ agents }) => setAgents(agents), fail);
    api.listInboxes().then(({ inboxes }) => setInboxes(inboxes), fail);
    void load(filters);
  }, []); // once: later loads follow the filter form

  if (me.role !== 'admin')
    return (
      <main class="admin">
        <p>{t('adminsOnly')}</p>
      </main>
    );

  const agentName = (id: string | null) =>
    id === null ? t('unassigned') : (agents.find((a) => a.id === id)?.name ?? id);
  const inboxName = (id: string) => inboxes.find((i) => i.id === id)?.name ?? id;
  const set = (key: keyof ReportFilters, value: string) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <main class="admin ratings-report" aria-labelledby="ratings-title">
      <h1 id="ratings-title">{t('title')}</h1>
      <p class="hint">{t('hint')}</p>
      <form
        class="ratings-filters"
        aria-label={t('filters')}
        onSubmit={(e) => {
          e.preventDefault();
          void load(filters);
        }}
      >
        <label>
          {t('from')}{' '}
          <input type="date" value={filters.from} onInput={(e) => set('from', e.currentTarget.value)} />
        </label>{' '}
        <label>
          {t('to')} <input type="date" value={filters.to} onInput={(e) => set('to', e.currentTarget.value)} />
        </label>{' '}
        <label>
          {t('inbox')}{' '}
          <select value={filters.inboxId} onChange={(e) => set('inboxId', e.currentTarget.value)}>
            <option value="">{t('allInboxes')}</option>
            {inboxes.map((i) => (
              <option value={i.id}>{i.name}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('agent')}{' '}
          <select value={filters.agentId} onChange={(e) => set('agentId', e.currentTarget.value)}>
            <option value="">{t('allAgents')}</option>
            {agents.map((a) => (
              <option value={a.id}>{a.name}</option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" disabled={busy}>
          {t('show')}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!loaded && !error && <p class="quiet">{t('loading')}</p>}
      {loaded && (
        <>
          <section aria-labelledby="ratings-summary-title">
            <h2 id="ratings-summary-title">{t('summary')}</h2>
            <p class="ratings-headline" data-testid="ratings-average">
              {headline(loaded.summary, lang)}
            </p>
            <Distribution stats={loaded.summary} />
            <StatsTable
              title={t('byAgent')}
              first={t('agent')}
              rows={loaded.summary.byAgent.map((a) => ({ name: agentName(a.agentId), stats: a }))}
            />
            <StatsTable
              title={t('byInbox')}
              first={t('inbox')}
              rows={loaded.summary.byInbox.map((i) => ({ name: inboxName(i.inboxId), stats: i }))}
            />
          </section>
          <RecentRatings loaded={loaded} onMore={() => void more()} />
        </>
      )}
    </main>
  );
}

function Distribution({ stats }: { stats: RatingStats }) {
  const share = shares(stats.distribution);
  return (
    <table class="ratings-distribution">
      <caption>{t('distribution')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('score')}</th>
          <th scope="col">{t('count')}</th>
          <th scope="col">{t('share')}</th>
        </tr>
      </thead>
      <tbody>
        {[5, 4, 3, 2, 1].map((score) => (
          <tr>
            <th scope="row">{t('scoreLabel', { score })}</th>
            <td>{stats.distribution[score - 1] ?? 0}</td>
            <td>
              <span
                class="ratings-bar"
                style={{ width: `${((share[score - 1] ?? 0) * 8) / 100}rem` }}
                aria-hidden="true"
              />{' '}
              {share[score - 1] ?? 0} %
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatsTable({
  title,
  first,
  rows,
}: {
  title: string;
  first: string;
  rows: { name: string; stats: RatingStats }[];
}) {
  const lang = consoleLang();
  if (rows.length === 0) return null;
  return (
    <table class="ratings-stats">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">{t('count')}</th>
          <th scope="col">{t('average')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ name, stats }) => (
          <tr>
            <th scope="row">
              <UserText text={name} />
            </th>
            <td>{stats.count}</td>
            <td>{averageText(stats.average, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecentRatings({ loaded, onMore }: { loaded: Loaded; onMore: () => void }) {
  const lang = consoleLang();
  return (
    <section aria-labelledby="ratings-recent-title">
      <h2 id="ratings-recent-title">{t('recent')}</h2>
      {loaded.ratings.length === 0 ? (
        <p class="quiet">{t('none')}</p>
      ) : (
        <table class="ratings-list" data-testid="ratings-list">
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('score')}</th>
              <th scope="col">{t('comment')}</th>
              <th scope="col">{t('conversation')}</th>
            </tr>
          </thead>
          <tbody>
            {loaded.ratings.map((r) => {
              const date = ratedAt(r.createdAt, lang);
              const route = { page: 'inbox', conversationId: r.conversationId } as const;
              return (
                <tr data-testid="rating-row">
                  <td>{date}</td>
                  <td>{r.score}/5</td>
                  <td>
                    {r.comment ? <UserText text={r.comment} /> : <span class="quiet">{t('noComment')}</span>}
                  </td>
                  <td>
                    <a
                      href={pathFor(route)}
                      aria-label={t('openConversation', { score: r.score, date })}
                      onClick={(e) => {
                        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                        e.preventDefault();
                        navigate(route);
                      }}
                    >
                      {t('open')}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {loaded.nextCursor && (
        <button type="button" onClick={onMore}>
          {t('more')}
        </button>
      )}
    </section>
  );
}
