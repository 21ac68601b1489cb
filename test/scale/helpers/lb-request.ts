import { request } from 'node:http';

export interface LbResponse {
  status: number;
  body: any;
  text: string;
  /** The instance that answered (nginx's X-Upstream), host:port. */
  upstream: string;
}

export interface LbOptions {
  token?: string;
  body?: unknown;
  /**
   * The loopback address the request comes from (127.0.0.0/8 is all local): the proxy passes
   * it on as X-Real-IP, so each test user is a client address of its own for the rate limits.
   */
  from?: string;
}

/** One request through the load balancer, from a chosen client address. */
export function lbRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: LbOptions = {},
): Promise<LbResponse> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      { method, headers, localAddress: options.from ?? '127.0.0.1', agent: false },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON
          }
          resolve({
            status: response.statusCode ?? 0,
            body,
            text,
            upstream: String(response.headers['x-upstream'] ?? ''),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
