// A receiver of the portal's webhooks on loopback, written as a client's system would write one
// from the README: it verifies each delivery with tests/support/webhook-verify.ts and processes
// each webhook-id once. The tests decide what it answers (500, or hold the request open).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from './webhook-verify';

export interface Received {
  id: string;
  timestamp: string;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  verified: boolean;
}

export interface WebhookReceiver {
  url: string;
  /** Every request that arrived, in order, duplicates included. */
  requests: Received[];
  /** Each verified event once (the first time its webhook-id arrived): what the receiver acted on. */
  processed: Received[];
  /** The secret to verify with, once the test has subscribed. */
  secret: string;
  /** What the next request is answered: a status, or 'hold' (never answered, until close). */
  answers: (number | 'hold')[];
  /** Resolves when the next request (of any kind) has arrived. */
  nextRequest(): Promise<Received>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const held = new Set<http.ServerResponse>();
  let waiting: ((r: Received) => void)[] = [];
  const seen = new Set<string>();
  const receiver: WebhookReceiver = {
    url: '',
    requests: [],
    processed: [],
    secret: '',
    answers: [],
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    close: async () => {
      for (const response of held) response.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const header = (name: string) => request.headers[name] as string | undefined;
      const headers = { 'webhook-id': header('webhook-id'), 'webhook-timestamp': header('webhook-timestamp'), 'webhook-signature': header('webhook-signature') };
      const verified = verifyWebhook(receiver.secret, headers, body);
      const received: Received = { id: headers['webhook-id'] ?? '', timestamp: headers['webhook-timestamp'] ?? '', body, payload: JSON.parse(body) as Received['payload'], verified: verified.ok };
      receiver.requests.push(received);
      const answer = receiver.answers.shift() ?? 204;
      if (answer === 'hold') held.add(response);
      else {
        // Dedupe by webhook-id, as the README tells receivers; a duplicate is acknowledged.
        if (verified.ok && answer >= 200 && answer < 300 && !seen.has(verified.id)) {
          seen.add(verified.id);
          receiver.processed.push(received);
        }
        response.writeHead(verified.ok ? answer : 400).end();
      }
      const resolvers = waiting;
      waiting = [];
      for (const resolve of resolvers) resolve(received);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return receiver;
}

/** Waits until `done` holds, polling; fails with `what` after `ms`. */
export async function eventually(done: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`Timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
