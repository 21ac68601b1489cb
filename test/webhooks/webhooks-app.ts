import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

import type { DatabaseKind, TestDatabase } from '../helpers/databases';
import { Http } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { WebhookRelayService } from '../../apps/api/src/webhooks/webhook-relay.service';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const TICKET = { issue_type: 'minor', impact: 5, customer_type: 'free' };

export interface WebhooksApp {
  testApp: TestApp;
  http: Http;
  /** One relay pass, as the timer would run it. */
  relay(): Promise<number>;
}

/** The real app with every timer off (tests run the relay), private targets allowed by default. */
export async function startWebhooksApp(
  database: DatabaseKind | TestDatabase,
  env: Record<string, string> = {},
): Promise<WebhooksApp> {
  const testApp = await startTestApp({
    database,
    env: {
      AGING_INTERVAL_MS: '0',
      SLA_CHECK_INTERVAL_MS: '0',
      ASSIGNMENT_INTERVAL_MS: '0',
      WEBHOOK_RELAY_INTERVAL_MS: '0',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      ...env,
    },
  });
  const relay = testApp.app.get(WebhookRelayService);
  return { testApp, http: new Http(testApp.baseUrl), relay: () => relay.relayDue() };
}

/** Signs up `username` with `role`; returns the token. */
export async function tokenFor(
  w: WebhooksApp,
  username: string,
  role: 'reporter' | 'agent' | 'admin',
): Promise<string> {
  const token = await w.http.signUp(username);
  await w.testApp.dataSource.query('UPDATE users SET role = ? WHERE username = ?', [
    role,
    username,
  ]);
  return token;
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on loopback; answers each request with the next status of `plan`. */
export class Receiver {
  readonly received: Received[] = [];
  /** Statuses to answer, in order; once used up, `fallback`. */
  plan: number[] = [];
  fallback = 204;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = this.plan.shift() ?? this.fallback;
        res.end(res.statusCode >= 300 ? `status ${res.statusCode} ${'x'.repeat(3000)}` : 'ok');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}/hook`;
    return this;
  }

  ids(): string[] {
    return this.received.map((r) => String(r.headers['webhook-id']));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
