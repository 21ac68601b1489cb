import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { RefusedTargetError, checkTarget, guardedLookup } from './webhook-targets';

export const EXCERPT_BYTES = 1024;

export interface SendResult {
  /** The HTTP status; null when no answer came (refused target, connection error, timeout). */
  statusCode: number | null;
  /** The first 1 KB of the answer, or what went wrong. */
  excerpt: string;
}

export interface SendOptions {
  timeoutMs: number;
  allowPrivate: boolean;
}

/**
 * One POST of a signed delivery. Redirects are answers like any other (a 3xx is a failure,
 * never followed); the whole attempt, answer included, ends after `timeoutMs`. Only the first
 * 1 KB of the answer is read.
 */
export async function sendWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  try {
    await checkTarget(url, options.allowPrivate);
  } catch (error) {
    return { statusCode: null, excerpt: `refused: ${(error as Error).message}` };
  }
  return new Promise<SendResult>((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      req.destroy();
    };
    const req = send(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'ticket-priority-system-webhooks',
      },
      lookup: guardedLookup(options.allowPrivate),
    });
    const timer = setTimeout(
      () => finish({ statusCode: null, excerpt: `timeout after ${options.timeoutMs} ms` }),
      options.timeoutMs,
    );
    req.on('response', (res) =>
      readExcerpt(res, (excerpt) => finish({ statusCode: res.statusCode ?? null, excerpt })),
    );
    req.on('error', (error) => finish({ statusCode: null, excerpt: describe(error) }));
    req.end(body);
  });
}

function readExcerpt(res: IncomingMessage, done: (excerpt: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const end = () => done(utf8Excerpt(Buffer.concat(chunks)));
  res.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= EXCERPT_BYTES) end();
  });
  res.on('end', end);
  res.on('error', end);
}

/** At most EXCERPT_BYTES of UTF-8, never ending in half a character. */
export function utf8Excerpt(bytes: Buffer): string {
  let text = bytes.subarray(0, EXCERPT_BYTES).toString('utf8');
  while (Buffer.byteLength(text) > EXCERPT_BYTES) text = text.slice(0, -1);
  return text;
}

function describe(error: Error): string {
  if (error instanceof RefusedTargetError) return `refused: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `connection error: ${code}` : `connection error: ${error.message}`;
}
