/**
 * A local stand-in for Twilio's Messages API on port 0, for tests: it checks what Twilio checks (the
 * method, the path with the account, HTTP Basic credentials, a form body with To, Body and From or
 * MessagingServiceSid) and answers as Twilio does (201 with the message, 401 or 400 with an error
 * code). Every request is kept as received, so tests read exactly what went over the wire.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  authorization: string;
  contentType: string;
  form: Record<string, string>;
}

export interface TestTwilioServer {
  url: string;
  received: ReceivedRequest[];
  /** The requests answered 201: the messages Twilio would deliver. */
  accepted: ReceivedRequest[];
  /** Answer every request with this status (e.g. 503) instead of checking it. */
  failWith: number | undefined;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export async function startTestTwilioServer(account: {
  sid: string;
  username: string;
  password: string;
}): Promise<TestTwilioServer> {
  const received: ReceivedRequest[] = [];
  const accepted: ReceivedRequest[] = [];
  const state: { failWith: number | undefined } = { failWith: undefined };
  const expectedAuth = `Basic ${Buffer.from(`${account.username}:${account.password}`).toString('base64')}`;
  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization ?? '',
        contentType: req.headers['content-type'] ?? '',
        form: Object.fromEntries(new URLSearchParams(text)),
      };
      received.push(request);
      const answer = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (state.failWith !== undefined)
        return answer(state.failWith, { code: 20500, status: state.failWith });
      if (request.method !== 'POST' || request.path !== `/2010-04-01/Accounts/${account.sid}/Messages.json`)
        return answer(404, { code: 20404, status: 404 });
      if (request.authorization !== expectedAuth) return answer(401, { code: 20003, status: 401 });
      const { To, Body, From, MessagingServiceSid } = request.form;
      if (!request.contentType.startsWith('application/x-www-form-urlencoded') || !To || !Body)
        return answer(400, { code: 21604, status: 400 });
      if (!From && !MessagingServiceSid) return answer(400, { code: 21603, status: 400 });
      accepted.push(request);
      return answer(201, { sid: `SM${'0'.repeat(32)}`, status: 'queued', to: To, body: Body });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    accepted,
    get failWith() {
      return state.failWith;
    },
    set failWith(status: number | undefined) {
      state.failWith = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
