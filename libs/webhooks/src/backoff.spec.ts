import fc from 'fast-check';

import { DEFAULT_RETRY_POLICY, nextRetryAt, retryDelayMs } from './backoff';

const DAY = 86_400_000;
const failures = fc.integer({ min: 1, max: 200 });
const random = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('retryDelayMs', () => {
  it('should retry the first failure within 60 s, after at least 15 s', () => {
    fc.assert(
      fc.property(random, (r) => {
        const delay = retryDelayMs(1, r);
        return delay >= 15_000 && delay <= 60_000;
      }),
    );
  });

  it('should keep every delay between half and all of the capped exponential', () => {
    fc.assert(
      fc.property(failures, random, (n, r) => {
        const capped = Math.min(
          DEFAULT_RETRY_POLICY.maxDelayMs,
          DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (n - 1),
        );
        const delay = retryDelayMs(n, r);
        return delay >= Math.floor(capped / 2) && delay <= capped;
      }),
    );
  });

  it('should never shrink the jitter-free bound as failures add up', () => {
    fc.assert(
      fc.property(failures, (n) => retryDelayMs(n + 1, 0.999_999) >= retryDelayMs(n, 0.999_999)),
    );
  });
});

describe('nextRetryAt', () => {
  it('should give up only from 24 h after the first due instant, and never retry beyond it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * DAY }), failures, random, (elapsed, n, r) => {
        const at = nextRetryAt(0, elapsed, n, r);
        if (at === null) return elapsed >= DAY;
        return at > elapsed && at <= DAY && at <= elapsed + retryDelayMs(n, r);
      }),
    );
  });

  it('should make a schedule whose last attempt is at 24 h, after a bounded count', () => {
    fc.assert(
      fc.property(fc.array(random, { minLength: 200, maxLength: 200 }), (randoms) => {
        let now = 0;
        let attempts = 1;
        for (const r of randoms) {
          const at = nextRetryAt(0, now, attempts, r);
          if (at === null) break;
          now = at;
          attempts++;
        }
        return now === DAY && attempts < 60 && attempts > 20;
      }),
    );
  });
});
