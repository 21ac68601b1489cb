import { request, type IncomingMessage } from 'node:http';

import { contractOf } from '../helpers/contract';

export interface SseEvent {
  id?: string;
  data: any;
}

export interface SseOptions {
  token: string;
  lastEventId?: string;
  query?: string;
}

/**
 * A minimal server-sent events client over a raw socket (Node's fetch hides nothing, but the
 * parser here also records comment lines, which the heartbeat test needs). The status and the
 * media type are checked against the OpenAPI document like every other answer.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  ended = false;
  private buffer = '';
  private waiters: Array<() => void> = [];

  private constructor(
    readonly status: number,
    readonly headers: IncomingMessage['headers'],
    readonly body: string,
    private readonly response: IncomingMessage,
  ) {}

  static async open(baseUrl: string, options: SseOptions): Promise<SseClient> {
    const contract = await contractOf(baseUrl);
    const path = `/stream${options.query ?? ''}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.token}`,
      accept: 'text/event-stream',
    };
    if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      request(`${baseUrl}${path}`, { headers }, resolve).on('error', reject).end();
    });
    const status = response.statusCode ?? 0;
    let body = '';
    if (status !== 200) {
      for await (const chunk of response) body += String(chunk);
    }
    const client = new SseClient(status, response.headers, body, response);
    const contentType = response.headers['content-type'] ?? null;
    let parsed: unknown = body;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      // keep the text
    }
    contract.check('GET', path, {
      status,
      contentType,
      text: status === 200 ? 'stream' : body,
      body: parsed,
    });
    if (status === 200) client.listen();
    return client;
  }

  private listen(): void {
    this.response.setEncoding('utf8');
    this.response.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        this.parse(this.buffer.slice(0, end));
        this.buffer = this.buffer.slice(end + 2);
      }
      this.wake();
    });
    this.response.on('close', () => {
      this.ended = true;
      this.wake();
    });
  }

  private parse(block: string): void {
    let id: string | undefined;
    let data: string | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('data: ')) data = (data ? `${data}\n` : '') + line.slice(6);
    }
    if (data !== undefined) this.events.push({ id, data: JSON.parse(data) });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }

  /** Waits until `predicate` holds over what was received, or fails after `timeoutMs`. */
  async until(predicate: (client: SseClient) => boolean, timeoutMs = 3_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      const left = deadline - Date.now();
      if (left <= 0 || (this.ended && !predicate(this))) {
        throw new Error(
          `SSE: condition not met (ended=${this.ended}); got ${JSON.stringify(this.events)}`,
        );
      }
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  /** Waits for the stream events whose data match `type` (and ticket), `count` of them. */
  async waitFor(type: string, ticketId?: number, count = 1, timeoutMs?: number) {
    const matching = () =>
      this.events.filter(
        (e) => e.data.type === type && (ticketId === undefined || e.data.ticket_id === ticketId),
      );
    await this.until(() => matching().length >= count, timeoutMs);
    return matching();
  }

  close(): void {
    this.response.destroy();
  }
}
