import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function parse(raw: string): RawResponse {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

/**
 * A POST over its own keep-alive connection. With `holdBack`, the body arrives in two halves:
 * between `start` and `finish` the server has accepted the request and waits for the rest.
 */
export class RawPost {
  private received = '';
  private readonly closed: Promise<unknown>;

  private constructor(
    private readonly socket: Socket,
    private readonly rest: string,
  ) {
    this.closed = new Promise((resolve) => socket.once('close', resolve));
    socket.on('data', (chunk: Buffer) => (this.received += chunk.toString()));
    socket.on('error', () => undefined);
  }

  static async start(
    port: number,
    path: string,
    token: string,
    body: object,
    holdBack = true,
  ): Promise<RawPost> {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const payload = JSON.stringify(body);
    const half = holdBack ? Math.floor(payload.length / 2) : payload.length;
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n` +
        payload.slice(0, half),
    );
    return new RawPost(socket, payload.slice(half));
  }

  /** Sends the rest of the body and reads the answer until the server closes the connection. */
  async finish(timeoutMs = 10_000): Promise<RawResponse> {
    if (this.rest) this.socket.write(this.rest);
    const timer = setTimeout(() => this.socket.destroy(), timeoutMs);
    await this.closed;
    clearTimeout(timer);
    return parse(this.received);
  }
}

/** A keep-alive connection that made one request and now sits idle. */
export async function idleKeepAlive(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.on('error', () => undefined);
  socket.write('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
  await once(socket, 'data');
  return socket;
}
