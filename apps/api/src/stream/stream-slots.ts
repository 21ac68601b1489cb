import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';

import type { AppConfig } from '../config';
import { STREAM_REDIS_OPTIONS } from './stream-bus';

/**
 * One user's open streams, as a sorted set of stream id → expiry (Redis's own clock, so the
 * instances' clocks do not matter). Expired members are streams whose instance died without
 * closing them: they stop counting once their lease runs out.
 */
const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

const REFRESH_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[1]), ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
`;

/**
 * The per-user limit on open streams (STREAM_MAX_PER_USER). With Redis it holds across every
 * instance; without, or while Redis is down, each instance counts its own.
 */
@Injectable()
export class StreamSlots implements OnApplicationShutdown {
  private readonly logger = new Logger(StreamSlots.name);
  private readonly local = new Map<number, Set<string>>();
  private readonly redis?: Redis;
  private readonly keyPrefix: string;
  readonly max: number;
  /** How long a slot lives without a refresh; every heartbeat refreshes it. */
  readonly leaseMs: number;

  constructor(config: ConfigService<AppConfig, true>) {
    const { heartbeatMs, maxPerUser } = config.get('stream', { infer: true });
    const redis = config.get('security', { infer: true }).redis;
    this.max = maxPerUser;
    this.leaseMs = Math.max(3 * heartbeatMs, 45_000);
    this.keyPrefix = `${redis?.keyPrefix ?? 'tps:'}stream-slots:`;
    if (redis) {
      this.redis = new Redis(redis.url, { ...STREAM_REDIS_OPTIONS, commandTimeout: 1_000 });
      this.redis.on('error', () => undefined);
    }
  }

  async acquire(userId: number, streamId: string): Promise<boolean> {
    if (this.redis) {
      try {
        const key = this.keyPrefix + userId;
        return (
          (await this.redis.eval(ACQUIRE_SCRIPT, 1, key, this.max, this.leaseMs, streamId)) === 1
        );
      } catch {
        this.logger.warn('Redis is unreachable: the stream limit counts per instance for now.');
      }
    }
    const open = this.local.get(userId) ?? new Set<string>();
    if (open.size >= this.max) return false;
    this.local.set(userId, open.add(streamId));
    return true;
  }

  async refresh(userId: number, streamId: string): Promise<void> {
    if (!this.redis || this.local.get(userId)?.has(streamId)) return;
    const key = this.keyPrefix + userId;
    await this.redis.eval(REFRESH_SCRIPT, 1, key, this.leaseMs, streamId).catch(() => undefined);
  }

  async release(userId: number, streamId: string): Promise<void> {
    const open = this.local.get(userId);
    if (open?.delete(streamId)) {
      if (open.size === 0) this.local.delete(userId);
      return;
    }
    await this.redis?.zrem(this.keyPrefix + userId, streamId).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
