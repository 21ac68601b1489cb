import 'reflect-metadata';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import { createApp } from '../../apps/api/src/bootstrap';
import { Clock } from '../../apps/api/src/common/clock';
import { buildConfig } from '../../apps/api/src/config';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';

export const TEST_JWT_SECRET = 'e2e-secret-that-is-long-enough-for-production-use';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  database: TestDatabase;
  dataSource: DataSource;
  /** Moves the app's clock; `undefined` returns to real time. */
  setNow(now: Date | undefined): void;
  /** Stops the app; the database stays until `dropDatabase()`. */
  stop(): Promise<void>;
  /** Stops the app and deletes its database. */
  close(): Promise<void>;
}

export interface StartOptions {
  database?: DatabaseKind | TestDatabase;
  env?: Record<string, string>;
}

/** Starts the real application, as production builds it, on a loopback port. */
export async function startTestApp(options: StartOptions = {}): Promise<TestApp> {
  const database =
    typeof options.database === 'object'
      ? options.database
      : await createTestDatabase(options.database ?? 'sqlite');
  const config = buildConfig({
    NODE_ENV: 'test',
    BCRYPT_COST: '4',
    JWT_SECRET: TEST_JWT_SECRET,
    // Suites sign up many users quickly; test/security turns the limits back on explicitly.
    RATE_LIMIT_ENABLED: 'false',
    // Suites delete rows behind the app's back; count afresh so totals never lag them.
    TICKETS_TOTAL_CACHE_MS: '0',
    ...database.env,
    ...options.env,
  });
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  const clock = app.get(Clock);
  const realNow = clock.now.bind(clock);
  let fixedNow: Date | undefined;
  clock.now = () => (fixedNow ? new Date(fixedNow) : realNow());
  const stop = () => app.close();
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    database,
    dataSource: app.get(DataSource),
    setNow: (now) => (fixedNow = now),
    stop,
    close: async () => {
      await stop();
      await database.drop();
    },
  };
}
