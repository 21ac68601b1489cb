import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Http } from '../helpers/http';
import { SseClient } from '../stream/sse-client';
import { ensureBuilt, PRODUCTION_ENV, spawnBuiltApp, type BuiltApp } from './helpers/built-app';

// Long enough that a drain held up by open streams would show as a slow exit.
const GRACE_MS = 10_000;
const TICKET = { issue_type: 'minor', impact: 3, customer_type: 'free', title: 'streamed' };

describe('SIGTERM with open event streams (sqlite, built app)', () => {
  let dir: string;
  let app: BuiltApp;

  beforeAll(async () => {
    await ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'tps-stream-drain-'));
  }, 180_000);

  afterAll(() => {
    app?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should end every open stream at once and exit 0 well within the grace', async () => {
    app = await spawnBuiltApp({
      ...PRODUCTION_ENV,
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      SQLITE_PATH: join(dir, 'tickets.sqlite'),
    });
    await app.waitUntilReady();
    const http = new Http(app.baseUrl);
    const token = await http.signUp('streamer');
    const streams = await Promise.all([
      SseClient.open(app.baseUrl, { token }),
      SseClient.open(app.baseUrl, { token }),
    ]);
    expect(streams.map((s) => s.status)).toEqual([200, 200]);
    const created = await http.post('/tickets', TICKET, { token });
    expect(created.status).toBe(201);
    for (const stream of streams) await stream.waitFor('ticket.created', created.body.id);

    const sigtermAt = Date.now();
    app.child.kill('SIGTERM');
    await Promise.all(streams.map((stream) => stream.until((s) => s.ended, GRACE_MS)));
    const endedMs = Date.now() - sigtermAt;
    const code = await app.exited;
    const exitMs = Date.now() - sigtermAt;

    expect(code).toBe(0);
    expect(streams.every((s) => s.ended)).toBe(true);
    // The streams end with the drain's start, not with the grace period's end.
    expect(endedMs).toBeLessThan(GRACE_MS / 2);
    expect(exitMs).toBeLessThan(GRACE_MS / 2);
    expect(app.stdout()).toMatch(/drained; exiting/);
  }, 60_000);
});
