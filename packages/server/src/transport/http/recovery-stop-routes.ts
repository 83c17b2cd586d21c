/**
 * The old contact's stop link (issue 14): `/recovery/stop/{token}`, from the notice mailed when a
 * recovery action starts cooling off. GET only shows the state and a "Stop this change" button (mail
 * scanners open links; opening must change nothing); the button POSTs to the same address. The token in
 * the path is the credential, so a forged cross-site POST needs it too, and can only stop a change.
 * Both languages on one page, no script: it works from any mail client's browser.
 */
import { Hono, type Context } from 'hono';
import { stopByOldContact, stopLinkState, type StopOutcome } from '../../commands/recovery/cooling-off';
import { escapeHtml } from '../../domain/mail/mail-html';
import type { HttpDeps, HttpEnv } from './http-env';
import { pageHeaders } from './security-headers';

const SAYS: Record<StopOutcome | 'open', { en: string; fr: string }> = {
  open: {
    en: 'A change to your account was requested through our support chat. If you did not ask for it, stop it: nothing will change.',
    fr: "Une modification de votre compte a été demandée via le chat de notre support. Si vous ne l'avez pas demandée, arrêtez-la : rien ne changera.",
  },
  stopped: {
    en: 'Stopped. Nothing will change on your account, and our team has been told.',
    fr: "C'est arrêté. Rien ne changera sur votre compte, et notre équipe est prévenue.",
  },
  already_stopped: {
    en: 'This change was already stopped. Nothing will change on your account.',
    fr: 'Cette modification est déjà arrêtée. Rien ne changera sur votre compte.',
  },
  too_late: {
    en: 'This change can no longer be stopped here. If you did not ask for it, contact our support.',
    fr: "Cette modification ne peut plus être arrêtée ici. Si vous ne l'avez pas demandée, contactez notre support.",
  },
  unknown: {
    en: 'This link is not valid.',
    fr: "Ce lien n'est pas valide.",
  },
};

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export function recoveryStopRoutes(deps: HttpDeps) {
  const { ctx } = deps;
  return new Hono<HttpEnv>()
    .get('/:token', async (c) => {
      const token = c.req.param('token');
      const state = TOKEN.test(token) ? await stopLinkState(ctx, token) : 'unknown';
      return respond(c, state, state === 'unknown' ? 404 : 200);
    })
    .post('/:token', async (c) => {
      const token = c.req.param('token');
      const outcome = TOKEN.test(token) ? await stopByOldContact(ctx, token) : 'unknown';
      if (outcome === 'stopped') deps.log.info({}, 'recovery action stopped by the old contact');
      return respond(c, outcome, outcome === 'unknown' ? 404 : 200);
    });
}

function respond(c: Context<HttpEnv>, state: StopOutcome | 'open', status: 200 | 404) {
  pageHeaders(c);
  // The token is in the address: it must not leave in a Referer.
  c.header('referrer-policy', 'no-referrer');
  c.header('cache-control', 'no-store');
  const says = SAYS[state];
  const form =
    state === 'open'
      ? '<form method="post"><button type="submit" lang="en">Stop this change</button> ' +
        '<button type="submit" lang="fr">Arrêter ce changement</button></form>'
      : '';
  return c.html(
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>Account change / Modification du compte</title></head><body><main>' +
      `<h1>Account change <span lang="fr">/ Modification du compte</span></h1>` +
      `<p>${escapeHtml(says.en)}</p><p lang="fr">${escapeHtml(says.fr)}</p>${form}</main></body></html>`,
    status,
  );
}
