/** The shop's one page: log in or see your account, the demo accounts, the activity log, the widget. */
import type { ShopAccount } from './accounts';
import type { Activity } from './activity-log';
import { html, type Html } from './html';

export const NOTICES = {
  wrong: 'Wrong username or password.',
  locked: 'This account is locked. Open the chat and choose “I can’t access my account”.',
  code_needed: 'Two-step verification is on: type the code from your authenticator app.',
  logged_out: 'You are logged out.',
  bad_email: 'That email address does not look right.',
  bad_phone: 'Type the phone number in international form, e.g. +33 6 12 34 56 78.',
  saved: 'Saved.',
} as const;
export type Notice = keyof typeof NOTICES;

export interface PageModel {
  me: Readonly<ShopAccount> | undefined;
  accounts: readonly Readonly<ShopAccount>[];
  activity: readonly Activity[];
  notice: Notice | undefined;
  widget: { candorUrl: string; identityToken: string | undefined } | undefined;
}

const time = (at: number) => `${new Date(at).toISOString().slice(11, 19)} UTC`;
const state = (a: Readonly<ShopAccount>) => (a.locked ? 'Locked' : 'Active');
const onOff = (on: boolean) => (on ? 'On' : 'Off');

export function shopPage(m: PageModel): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Maison Lune · example shop</title>
        <style>
          body {
            font:
              16px/1.5 system-ui,
              sans-serif;
            margin: 0 auto;
            max-width: 60rem;
            padding: 1rem;
            color: #1d1d1f;
          }
          section {
            border: 1px solid #d0d0d7;
            border-radius: 8px;
            padding: 0 1rem 1rem;
            margin: 1rem 0;
          }
          table {
            border-collapse: collapse;
            width: 100%;
          }
          th,
          td {
            text-align: left;
            padding: 0.25rem 0.5rem;
            border-bottom: 1px solid #eee;
          }
          form.inline {
            display: inline;
          }
          label {
            display: block;
            margin-top: 0.5rem;
          }
          [role='status'] {
            background: #fff6d6;
            padding: 0.5rem 1rem;
            border-radius: 8px;
          }
          .locked {
            color: #a30000;
            font-weight: 600;
          }
        </style>
      </head>
      <body>
        <header>
          <h1>Maison Lune</h1>
          <p>An example shop with its own accounts, to try Candor’s account recovery.</p>
        </header>
        <main>
          ${m.notice ? html`<p role="status">${NOTICES[m.notice]}</p>` : ''}
          ${m.me ? accountSection(m.me) : loginSection()} ${demoSection(m.accounts)}
          <section aria-labelledby="activity-title">
            <h2 id="activity-title">Activity</h2>
            <p><a href="/">Refresh</a></p>
            <ol data-testid="activity">
              ${m.activity.map((a) => html`<li><time>${time(a.at)}</time> ${a.text}</li>`)}
            </ol>
          </section>
        </main>
        ${
          m.widget
            ? html`<script
                src="${m.widget.candorUrl}/widget.js"
                data-server="${m.widget.candorUrl}"
                ${m.widget.identityToken ? html`data-identity-token="${m.widget.identityToken}"` : ''}
                async
              ></script>`
            : ''
        }
      </body>
    </html>`;
}

function loginSection(): Html {
  return html`<section aria-labelledby="login-title">
    <h2 id="login-title">Log in</h2>
    <form method="post" action="/login">
      <label>Username or email <input name="username" autocomplete="username" required /></label>
      <label
        >Password <input name="password" type="password" autocomplete="current-password" required
      /></label>
      <label
        >Authenticator code (if two-step verification is on)
        <input name="code" inputmode="numeric" autocomplete="one-time-code"
      /></label>
      <p><button type="submit">Log in</button></p>
    </form>
    <p>
      Locked out, or lost your second factor? Open the chat, choose “I can’t access my account” and give your
      account’s email.
    </p>
  </section>`;
}

function accountSection(me: Readonly<ShopAccount>): Html {
  return html`<section aria-labelledby="account-title" data-testid="my-account">
    <h2 id="account-title">Your account</h2>
    <dl>
      <dt>Name</dt>
      <dd>${me.name}</dd>
      <dt>Username</dt>
      <dd>${me.username}</dd>
      <dt>Email</dt>
      <dd data-testid="my-email">${me.email}</dd>
      <dt>Phone</dt>
      <dd>${me.phone ?? 'none'}</dd>
      <dt>Two-step verification</dt>
      <dd>${onOff(me.secondFactor)}</dd>
    </dl>
    <form method="post" action="/account/email">
      <label>New email <input name="email" type="email" autocomplete="email" required /></label>
      <button type="submit">Change email</button>
    </form>
    <form method="post" action="/account/phone">
      <label>New phone <input name="phone" type="tel" autocomplete="tel" required /></label>
      <button type="submit">Change phone</button>
    </form>
    <form method="post" action="/account/second-factor">
      <input type="hidden" name="on" value="${me.secondFactor ? 'false' : 'true'}" />
      <p><button type="submit">Turn two-step verification ${me.secondFactor ? 'off' : 'on'}</button></p>
    </form>
    <form method="post" action="/logout"><button type="submit">Log out</button></form>
  </section>`;
}

function demoSection(accounts: readonly Readonly<ShopAccount>[]): Html {
  return html`<section aria-labelledby="demo-title">
    <h2 id="demo-title">Demo accounts</h2>
    <p>
      A real shop shows no one else’s account; this table is here so you can watch what recovery does. Five
      wrong passwords in a row lock an account; so does its Lock button.
    </p>
    <table data-testid="accounts">
      <thead>
        <tr>
          <th>Username</th>
          <th>Email</th>
          <th>Phone</th>
          <th>Two-step</th>
          <th>State</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${accounts.map(
          (a) =>
            html`<tr data-account="${a.id}">
              <td>${a.username}</td>
              <td>${a.email}</td>
              <td>${a.phone ?? 'none'}</td>
              <td>${onOff(a.secondFactor)}</td>
              <td class="${a.locked ? 'locked' : ''}" data-testid="state">${state(a)}</td>
              <td>
                ${
                  a.locked
                    ? ''
                    : html`<form class="inline" method="post" action="/demo/lock/${a.id}">
                        <button type="submit" aria-label="Lock ${a.username}’s account">Lock</button>
                      </form>`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
