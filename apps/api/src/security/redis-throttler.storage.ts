import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

/** Not re-exported by @nestjs/throttler's index. */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One atomic step per request: count the hit and start the window on the first one. Counting
 * and expiry in one script means two instances can never both see "first hit".
 */
const INCREMENT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { hits, ttl }
`;

/**
 * Fixed-window counters in Redis, shared by every instance of the service. While Redis cannot
 * be reached, each instance falls back to its own memory: limits stay on (per instance) and
 * the API stays up.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly fallback = new ThrottlerStorageService();
  private readonly redis: Redis;
  private degraded = false;

  constructor(
    url: string,
    private readonly keyPrefix: string,
  ) {
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      commandTimeout: 1_000,
    });
    // Errors are reported through increment(); without a listener ioredis prints each one.
    this.redis.on('error', () => undefined);
  }

  /** Resolves once connected, or after `timeoutMs` (the in-memory fallback covers the gap). */
  waitUntilReady(timeoutMs: number): Promise<void> {
    if (this.redis.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const redis = this.redis;
      function done() {
        clearTimeout(timer);
        redis.off('ready', done);
        resolve();
      }
      redis.once('ready', done);
    });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, ttlMs] = (await this.redis.eval(
        INCREMENT_SCRIPT,
        1,
        `${this.keyPrefix}rl:${throttlerName}:${key}`,
        ttl,
      )) as [number, number];
      this.setDegraded(false);
      const secondsLeft = Math.max(1, Math.ceil(ttlMs / 1000));
      const isBlocked = hits > limit;
      return {
        totalHits: hits,
        timeToExpire: secondsLeft,
        isBlocked,
        timeToBlockExpire: isBlocked ? secondsLeft : 0,
      };
    } catch {
      this.setDegraded(true);
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.fallback.onApplicationShutdown();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private setDegraded(degraded: boolean) {
    if (degraded === this.degraded) return;
    this.degraded = degraded;
    if (degraded) this.logger.warn('Redis is unreachable: rate limits are per instance for now.');
    else this.logger.log('Redis is back: rate limits are shared again.');
  }
}
