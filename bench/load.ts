import autocannon from 'autocannon';

export const CONNECTIONS = 32;

export interface Load {
  /** Successful requests per second. */
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, plus socket errors: any makes the figure suspect. */
  failures: number;
}

export interface LoadOptions {
  url: string;
  seconds: number;
  connections?: number;
  method?: 'GET' | 'POST';
  token?: string;
  body?: unknown;
  /** Seconds before autocannon gives up on one request (default 10). */
  timeoutSeconds?: number;
}

/** One autocannon run; rps counts only 2xx answers. */
export async function measure(options: LoadOptions): Promise<Load> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const result = await autocannon({
    url: options.url,
    connections: options.connections ?? CONNECTIONS,
    duration: options.seconds,
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    timeout: options.timeoutSeconds ?? 10,
  });
  return {
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs several loads in turns of `seconds / rounds` each, so that all of them see the same
 * background load on a shared machine, with `settle` between turns; returns per load the mean rate, the median p50 and the
 * highest p99 over its turns.
 */
export async function measureInTurns(
  loads: LoadOptions[],
  seconds: number,
  settle: () => Promise<void> = () => Promise.resolve(),
  rounds = 4,
): Promise<Load[]> {
  const turns: Load[][] = loads.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, options] of loads.entries()) {
      turns[index].push(await measure({ ...options, seconds: seconds / rounds }));
      // The requests still queued in the app when a turn ends must not eat into the next one.
      await settle();
    }
  }
  return turns.map((results) => ({
    rps: results.reduce((sum, r) => sum + r.rps, 0) / results.length,
    p50: median(results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
  }));
}

/**
 * Resolves once the app answers `url` within `quickMs`: the requests a load left queued in it
 * (a closed connection does not cancel a query already running) have been worked off.
 */
export async function settled(url: string, quickMs = 50, limitMs = 60_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const started = Date.now();
    await fetch(url).catch(() => undefined);
    if (Date.now() - started < quickMs) return;
  }
}
