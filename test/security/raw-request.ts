import { request } from 'node:http';

import { contractOf } from '../helpers/contract';

export interface RawResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One JSON request over a fresh socket from a chosen loopback source address, so a test can be
 * many clients (fetch cannot pick its local address). The answer is checked against the app's
 * OpenAPI document, like every answer through `Http`.
 */
export async function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; localAddress?: string } = {},
): Promise<RawResult> {
  const contract = await contractOf(baseUrl);
  const result = await send(baseUrl, method, path, options);
  let body: unknown = result.body;
  try {
    body = result.body ? JSON.parse(result.body) : undefined;
  } catch {
    // Not JSON: the contract check compares the text.
  }
  const contentType = (result.headers['content-type'] as string | undefined) ?? null;
  contract.check(method, path, { status: result.status, contentType, text: result.body, body });
  return result;
}

function send(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; localAddress?: string } = {},
): Promise<RawResult> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress: options.localAddress,
        agent: false,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
