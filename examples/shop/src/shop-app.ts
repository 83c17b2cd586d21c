/**
 * The shop's HTTP routes (Hono, as Candor's server uses): the page, login and logout, the account's
 * settings, the demo's Lock button, and Candor's webhook. Forms post to the same origin only; the
 * session cookie is HttpOnly and SameSite=Lax.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { putAccountBody } from '@candor/protocol/schemas';
import type { AccountBook } from './accounts';
import type { ActivityLog } from './activity-log';
import type { CandorSync } from './candor-sync';
import { toString } from './html';
import { signIdentityToken } from './identity-token';
import { logIn } from './login';
import { NOTICES, shopPage, type Notice } from './pages';
import type { SeenIds } from './seen-ids';
import { SESSION_COOKIE, SESSION_TTL_MS, type Sessions } from './sessions';
import { receiveWebhook } from './webhook-receiver';

export interface ShopDeps {
  book: AccountBook;
  sessions: Sessions;
  activity: ActivityLog;
  seen: SeenIds;
  /** Where the widget comes from; undefined: the page has no widget. */
  candorUrl: string | undefined;
  /** The Candor inbox's identity secret: the widget of a logged-in customer carries a signed token. */
  identitySecret: string | undefined;
  /** The webhook's signing secret (`whsec_…`); undefined: the receiver answers 503. */
  webhookSecret: string | undefined;
  sync: CandorSync | undefined;
}

/** A delivery is a small JSON document; anything larger is not Candor's. */
const MAX_WEBHOOK_BYTES = 64 * 1024;

const field = (form: Record<string, unknown>, name: string) => {
  const v = form[name];
  return typeof v === 'string' ? v.slice(0, 500) : '';
};

const back = (c: Context, notice?: Notice) => c.redirect(notice ? `/?notice=${notice}` : '/', 303);

export function shopApp(deps: ShopDeps) {
  const { book, sessions, activity } = deps;
  if (deps.sync) {
    const sync = deps.sync;
    book.onChange((a) => void sync.push(a));
  }
  book.onChange((a) => {
    if (a.locked) sessions.endAllOf(a.id);
  });
  const me = (c: Context) => {
    const id = sessions.accountOf(getCookie(c, SESSION_COOKIE));
    return id === undefined ? undefined : book.find(id);
  };

  return (
    new Hono()
      // A form posted from another site is refused (with SameSite=Lax, its cookie would not come anyway).
      .use('*', async (c, next) => {
        const origin = c.req.header('origin');
        const form = c.req.method === 'POST' && !c.req.path.startsWith('/webhooks/');
        if (form && origin !== undefined && origin !== new URL(c.req.url).origin)
          return c.text('Cross-origin form refused.', 403);
        await next();
        c.header('x-frame-options', 'DENY');
        c.header('referrer-policy', 'same-origin');
        return undefined;
      })
      .get('/healthz', (c) => c.text('ok'))
      .get('/favicon.ico', (c) => c.body(null, 204))
      .get('/', (c) => {
        const account = me(c);
        const notice = c.req.query('notice');
        const token =
          account && deps.identitySecret
            ? signIdentityToken(deps.identitySecret, {
                sub: account.id,
                email: account.email,
                name: account.name,
              })
            : undefined;
        c.header('cache-control', 'no-store'); // the page carries a one-time identity token
        return c.html(
          toString(
            shopPage({
              me: account,
              accounts: book.all(),
              activity: activity.list(),
              notice: notice !== undefined && notice in NOTICES ? (notice as Notice) : undefined,
              widget: deps.candorUrl ? { candorUrl: deps.candorUrl, identityToken: token } : undefined,
            }),
          ),
        );
      })
      .post('/login', async (c) => {
        const form = await c.req.parseBody();
        const result = await logIn(book, {
          username: field(form, 'username'),
          password: field(form, 'password'),
          code: field(form, 'code'),
        });
        if (!result.ok) {
          if (result.why === 'locked') activity.add(`A login was refused: the account is locked.`);
          return back(c, result.why);
        }
        setCookie(c, SESSION_COOKIE, sessions.start(result.account.id), {
          httpOnly: true,
          sameSite: 'Lax',
          path: '/',
          maxAge: SESSION_TTL_MS / 1000,
        });
        activity.add(`${result.account.username} logged in.`);
        return back(c);
      })
      .post('/logout', (c) => {
        sessions.end(getCookie(c, SESSION_COOKIE));
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return back(c, 'logged_out');
      })
      .post('/account/:field{email|phone}', async (c) => {
        const account = me(c);
        if (!account) return back(c);
        const channel = c.req.param('field') === 'email' ? 'email' : 'phone';
        const value = field(await c.req.parseBody(), channel);
        // The same rules as Candor's, so what the shop keeps, Candor takes.
        const parsed = putAccountBody.shape[channel].safeParse(value.trim());
        if (!parsed.success || parsed.data === undefined) return back(c, `bad_${channel}`);
        book.replaceContact(account.id, channel, parsed.data);
        activity.add(`${account.username} changed their ${channel}.`);
        return back(c, 'saved');
      })
      .post('/account/second-factor', async (c) => {
        const account = me(c);
        if (!account) return back(c);
        const on = field(await c.req.parseBody(), 'on') === 'true';
        book.setSecondFactor(account.id, on);
        activity.add(`${account.username} turned two-step verification ${on ? 'on' : 'off'}.`);
        return back(c, 'saved');
      })
      .post('/demo/lock/:id', (c) => {
        const account = book.find(c.req.param('id'));
        if (!account) return c.text('No such account.', 404);
        book.lock(account.id);
        activity.add(`${account.username}’s account was locked (demo button).`);
        return back(c);
      })
      .post('/webhooks/candor', async (c) => {
        if (!deps.webhookSecret) return c.text('The webhook is not configured.', 503);
        if (Number(c.req.header('content-length') ?? 0) > MAX_WEBHOOK_BYTES) return c.text('Too large.', 413);
        const body = await c.req.text();
        if (Buffer.byteLength(body) > MAX_WEBHOOK_BYTES) return c.text('Too large.', 413);
        const answer = receiveWebhook(
          {
            secret: deps.webhookSecret,
            book,
            activity,
            seen: deps.seen,
            endSessionsOf: (id) => sessions.endAllOf(id),
          },
          {
            id: c.req.header('webhook-id'),
            timestamp: c.req.header('webhook-timestamp'),
            signature: c.req.header('webhook-signature'),
          },
          body,
        );
        return answer.status === 204 ? c.body(null, 204) : c.text(answer.text, answer.status);
      })
  );
}
