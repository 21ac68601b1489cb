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
import { setTimeout as sleep } from 'node:timers/promises';

import type { AppConfig } from '../config';
import { DrainState } from './drain-state';

/** After the grace period the process gets this long to close the pool and exit. */
const HARD_EXIT_AFTER_GRACE_MS = 5_000;

/**
 * Draining on SIGTERM/SIGINT (Nest's shutdown hooks call these in order):
 * 1. `onModuleDestroy`: readiness turns 503 and every response says `Connection: close`.
 * 2. `beforeApplicationShutdown`: the service keeps serving for `SHUTDOWN_DELAY_MS`, so
 *    requests already sent (still unread in socket buffers when the signal came) are read
 *    and answered rather than cut; after `SHUTDOWN_GRACE_MS` the stragglers are cut.
 * 3. Nest closes Fastify: the listener stops, idle keep-alive sockets close, in-flight
 *    requests finish.
 * 4. `onApplicationShutdown`: TypeORM closes the pool (its own hook).
 * bootstrap.ts enables the hooks with `useProcessExit`, so a clean drain exits 0.
 */
@Injectable()
export class GracefulShutdownService
  implements OnModuleInit, OnModuleDestroy, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Shutdown');
  private readonly graceMs: number;
  private readonly delayMs: number;
  private cut: NodeJS.Timeout | undefined;

  constructor(
    private readonly drain: DrainState,
    private readonly adapterHost: HttpAdapterHost,
    config: ConfigService<AppConfig, true>,
  ) {
    const ops = config.get('ops', { infer: true });
    this.graceMs = ops.shutdownGraceMs;
    this.delayMs = ops.shutdownDelayMs;
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', (request, reply, payload, done) => {
      if (this.drain.draining && request.raw.httpVersionMajor < 2) {
        void reply.header('connection', 'close');
      }
      done(null, payload);
    });
  }

  onModuleDestroy(): void {
    this.drain.startDraining();
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (!signal) return; // an in-process app.close() (tests): nothing to drain
    this.logger.log(`${signal} received: draining for up to ${this.graceMs} ms`);
    const server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.cut = setTimeout(() => {
      this.logger.warn('grace period over: closing the remaining connections');
      server.closeAllConnections();
    }, this.graceMs).unref();
    setTimeout(() => {
      this.logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, this.graceMs + HARD_EXIT_AFTER_GRACE_MS).unref();
    await sleep(this.delayMs);
  }

  onApplicationShutdown(signal?: string): void {
    clearTimeout(this.cut);
    if (signal) this.logger.log('drained; exiting');
  }
}
