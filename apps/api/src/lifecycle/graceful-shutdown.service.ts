import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';

import type { AppConfig } from '../config';
import { DrainState } from './drain-state';

const IDLE_SWEEP_MS = 200;
/** After the grace period the process gets this long to close the pool and exit. */
const HARD_EXIT_AFTER_GRACE_MS = 5_000;

/**
 * Draining on SIGTERM/SIGINT (Nest's shutdown hooks call these in order):
 * 1. `onModuleDestroy`: readiness turns 503 and every response says `Connection: close`.
 * 2. `beforeApplicationShutdown`: idle keep-alive sockets are closed as they go idle; after
 *    `SHUTDOWN_GRACE_MS` the stragglers are cut.
 * 3. Nest closes Fastify: the listener stops and in-flight requests finish.
 * 4. `onApplicationShutdown`: TypeORM closes the pool (its own hook); timers are cleared.
 * main.ts enables the hooks with `useProcessExit`, so a clean drain exits 0.
 */
@Injectable()
export class GracefulShutdownService
  implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Shutdown');
  private readonly graceMs: number;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly drain: DrainState,
    private readonly adapterHost: HttpAdapterHost,
    config: ConfigService<AppConfig, true>,
  ) {
    this.graceMs = config.get('ops', { infer: true }).shutdownGraceMs;
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', async (request, reply) => {
      if (this.drain.draining && request.raw.httpVersionMajor < 2) {
        void reply.header('connection', 'close');
      }
    });
  }

  onModuleDestroy(): void {
    this.drain.startDraining();
  }

  beforeApplicationShutdown(signal?: string): void {
    if (!signal) return; // an in-process app.close() (tests): nothing to drain
    this.logger.log(`${signal} received: draining for up to ${this.graceMs} ms`);
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const cut = setTimeout(() => {
      this.logger.warn(`grace period over: closing the remaining connections`);
      server.closeAllConnections();
    }, this.graceMs);
    const hardExit = setTimeout(() => {
      this.logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, this.graceMs + HARD_EXIT_AFTER_GRACE_MS);
    for (const timer of [sweep, cut, hardExit]) timer.unref();
    this.timers = [sweep, cut]; // hardExit stays armed (unref'd) until the process is gone
  }

  onApplicationShutdown(signal?: string): void {
    for (const timer of this.timers) clearTimeout(timer);
    if (signal) this.logger.log('drained; exiting');
  }
}
