/** How a failed delivery is retried: exponential backoff with jitter, for a bounded time. */
export interface RetryPolicy {
  /** Delay before the first retry, before jitter. */
  baseDelayMs: number;
  /** No single delay is longer than this, before jitter. */
  maxDelayMs: number;
  /** A delivery is given up (failed) once its next attempt would fall later than this after its first. */
  maxAgeMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  maxAgeMs: 86_400_000,
};

/**
 * The delay after the `failures`-th failed attempt (1 = the first attempt failed):
 * `min(max, base · 2^(failures-1))`, scaled by a jitter factor in [0.5, 1] taken from
 * `random` in [0, 1). Half of each delay is random, so retries of many deliveries that failed
 * together spread out instead of arriving in waves.
 */
export function retryDelayMs(
  failures: number,
  random: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 40);
  const capped = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const jitter = 0.5 + 0.5 * Math.min(Math.max(random, 0), 1);
  return Math.round(capped * jitter);
}

/**
 * When to try again after a failure at `now`, for a delivery first due at `firstDueAt`
 * (epoch ms), or null when the delivery is to be marked failed. The last retry falls exactly
 * `maxAgeMs` after the first due instant; a failure at or after it gives up.
 */
export function nextRetryAt(
  firstDueAt: number,
  now: number,
  failures: number,
  random: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | null {
  const deadline = firstDueAt + policy.maxAgeMs;
  if (now >= deadline) return null;
  return Math.min(now + retryDelayMs(failures, random, policy), deadline);
}
