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
