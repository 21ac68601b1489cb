import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';

import type { AppConfig } from '../config';
import type { StreamItem } from './stream-events';

export type StreamListener = (items: StreamItem[]) => void;

interface BusMessage {
  from: string;
  items: StreamItem[];
}

/** Options every Redis connection of the stream uses: fail fast, never queue commands offline. */
export const STREAM_REDIS_OPTIONS = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
} as const;

/**
 * Carries committed events to every open stream of every instance. Local streams hear of this
 * instance's events at once, in process; with Redis configured they also go out on one pub/sub
 * channel, and each instance hands on the messages of the others. While Redis is down each
 * instance still serves its own events; the others' are found by a reconnect's replay.
 */
@Injectable()
export class StreamBus implements OnApplicationShutdown {
  private readonly logger = new Logger(StreamBus.name);
  private readonly instanceId = randomUUID();
  private readonly listeners = new Set<StreamListener>();
  private readonly publisher?: Redis;
  private readonly subscriber?: Redis;
  private readonly channel: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const redis = config.get('security', { infer: true }).redis;
    this.channel = `${redis?.keyPrefix ?? 'tps:'}stream`;
    if (!redis) return;
    this.publisher = new Redis(redis.url, STREAM_REDIS_OPTIONS);
    // A subscriber connection queues its SUBSCRIBE until connected, and resubscribes itself.
    this.subscriber = new Redis(redis.url, { ...STREAM_REDIS_OPTIONS, enableOfflineQueue: true });
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', () => undefined); // reported where it matters: publish()
    }
    this.subscriber.on('message', (channel: string, text: string) => this.receive(text));
    void this.subscriber.subscribe(this.channel).catch(() => undefined);
  }

  get shared(): boolean {
    return this.publisher !== undefined;
  }

  /** Resolves once both Redis connections are up (at once without Redis). */
  async ready(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.shared && Date.now() < deadline) {
      if (this.publisher?.status === 'ready' && this.subscriber?.status === 'ready') return;
      await new Promise((done) => setTimeout(done, 20));
    }
  }

  subscribe(listener: StreamListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(items: StreamItem[]): void {
    this.deliver(items);
    if (!this.publisher) return;
    const message: BusMessage = { from: this.instanceId, items };
    this.publisher.publish(this.channel, JSON.stringify(message)).catch((error: Error) => {
      this.logger.warn(`Redis publish failed; other instances miss this event: ${error.message}`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    for (const connection of [this.publisher, this.subscriber]) {
      await connection?.quit().catch(() => connection.disconnect());
    }
  }

  private receive(text: string): void {
    let message: BusMessage;
    try {
      message = JSON.parse(text) as BusMessage;
    } catch {
      return;
    }
    if (message.from !== this.instanceId && Array.isArray(message.items)) {
      this.deliver(message.items);
    }
  }

  private deliver(items: StreamItem[]): void {
    for (const listener of this.listeners) listener(items);
  }
}
