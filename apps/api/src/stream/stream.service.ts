import {
  BadRequestException,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
  ServiceUnavailableException,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';

import type { AuthUser } from '../auth/auth-user';
import { SessionsService } from '../auth/sessions/sessions.service';
import { MAX_ID, parseCanonicalInt } from '../common/canonical-int';
import { Clock } from '../common/clock';
import type { AppConfig } from '../config';
import { DrainState } from '../lifecycle/drain-state';
import { StreamBus } from './stream-bus';
import { StreamConnection } from './stream-connection';
import { StreamSlots } from './stream-slots';
import { visibleTo, type StreamItem } from './stream-events';
import { REPLAY_WINDOW_MS, StreamHistory } from './stream-history';

interface OpenStream {
  id: string;
  user: AuthUser;
  connection: StreamConnection;
}

/** How long a client waits before reconnecting after the stream ends (the SSE `retry:` field). */
const RECONNECT_MS = 1_000;

/** GET /stream: the events each caller may see, live, with replay of what a reconnect missed. */
@Injectable()
export class StreamService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StreamService.name);
  private readonly streams = new Set<OpenStream>();
  private readonly heartbeatMs: number;
  private unsubscribe?: () => void;

  constructor(
    private readonly bus: StreamBus,
    private readonly slots: StreamSlots,
    private readonly history: StreamHistory,
    private readonly sessions: SessionsService,
    private readonly drain: DrainState,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    this.heartbeatMs = config.get('stream', { infer: true }).heartbeatMs;
  }

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe((items) => this.fanOut(items));
  }

  /** Draining: every stream ends cleanly now, and its client reconnects to another instance. */
  onModuleDestroy(): void {
    this.unsubscribe?.();
    for (const stream of this.streams) stream.connection.end();
  }

  get openCount(): number {
    return this.streams.size;
  }

  async open(
    user: AuthUser,
    header: string | undefined,
    query: number | undefined,
    reply: FastifyReply,
  ) {
    const lastEventId = header === undefined ? query : parseLastEventId(header);
    if (this.drain.draining) {
      throw new ServiceUnavailableException('The service is shutting down; reconnect.');
    }
    const id = randomUUID();
    if (!(await this.slots.acquire(user.id, id))) {
      void reply.header('retry-after', String(Math.ceil(this.heartbeatMs / 1000)));
      throw new HttpException(
        `At most ${this.slots.max} open streams per user; close one first.`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const stream = this.start(id, user, reply);
    try {
      if (lastEventId !== undefined) await this.replay(stream, lastEventId);
      stream.connection.goLive();
    } catch (error) {
      this.logger.warn(`stream replay failed: ${(error as Error).message}`);
      stream.connection.end();
    }
  }

  private start(id: string, user: AuthUser, reply: FastifyReply): OpenStream {
    reply.hijack();
    const raw = reply.raw;
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) raw.setHeader(name, value);
    }
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // Proxies (nginx) must pass each event on at once rather than buffer the response.
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
    const timer = setInterval(() => void this.beat(stream), this.heartbeatMs);
    const stream: OpenStream = {
      id,
      user,
      connection: new StreamConnection(raw, () => {
        clearInterval(timer);
        this.streams.delete(stream);
        void this.slots.release(user.id, id);
      }),
    };
    this.streams.add(stream);
    return stream;
  }

  private async replay(stream: OpenStream, lastEventId: number): Promise<void> {
    const since = new Date(this.clock.now().getTime() - REPLAY_WINDOW_MS);
    let after = lastEventId;
    for (;;) {
      const batch = await this.history.after(stream.user, after, since);
      for (const item of batch) stream.connection.replay(item);
      if (batch.length < this.history.batchSize || !stream.connection.isOpen) return;
      after = batch[batch.length - 1].id;
    }
  }

  /** The heartbeat also keeps the stream's slot and ends it once its session is over. */
  private async beat(stream: OpenStream): Promise<void> {
    stream.connection.comment('heartbeat');
    await this.slots.refresh(stream.user.id, stream.id);
    const active = await this.sessions
      .activeSessionUser(stream.user.sessionId, stream.user.id)
      .then((user) => user !== null && !user.disabled)
      .catch(() => true); // a database blip is no reason to cut every stream
    if (!active) stream.connection.end();
  }

  private fanOut(items: StreamItem[]): void {
    for (const stream of this.streams) {
      for (const item of items) if (visibleTo(item, stream.user)) stream.connection.push(item);
    }
  }
}

function parseLastEventId(header: string): number {
  const value = parseCanonicalInt(header.trim());
  if (value === undefined || value < 0 || value > MAX_ID) {
    throw new BadRequestException('Last-Event-ID must be an event id (a whole number).');
  }
  return value;
}
