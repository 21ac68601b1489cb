import { createServer, Socket, type Server } from 'node:net';

/**
 * A TCP proxy in front of MySQL that the test controls:
 * - `pass`: bytes flow (optionally `latencyMs` late, client → server);
 * - `blackhole`: connections are accepted, nothing is forwarded either way (a frozen server);
 *   what was held back flows again on `pass`;
 * - `silent`: the peer is gone without a reset (a dead host, lost NAT or firewall state, a
 *   failover): every open connection stops forwarding for good, in both directions, and is
 *   never closed or reset (a FIN from the app is swallowed too); connections accepted while
 *   silent stall the same way. Back on `pass`, new connections flow while the stalled ones
 *   stay silent;
 * - `refuse`: the port is closed, connects get ECONNREFUSED;
 * - `reset()`: every open connection is torn down with a TCP reset.
 */
export type ProxyMode = 'pass' | 'blackhole' | 'silent' | 'refuse';

interface Link {
  client: Socket;
  upstream?: Socket;
  heldFromClient: Buffer[];
  heldFromServer: Buffer[];
  /** Silent for good: nothing is forwarded, nothing is closed. */
  stalled: boolean;
  drop: () => void;
}

export class FaultProxy {
  private server: Server | undefined;
  private readonly links = new Set<Link>();
  private mode: ProxyMode = 'pass';
  latencyMs = 0;

  private constructor(
    private readonly target: { host: string; port: number },
    public port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<FaultProxy> {
    const proxy = new FaultProxy(target, 0);
    await proxy.listen();
    return proxy;
  }

  /** `url` with host and port replaced by the proxy's. */
  route(url: string): string {
    const routed = new URL(url);
    routed.hostname = '127.0.0.1';
    routed.port = String(this.port);
    return routed.toString();
  }

  /** Connections that went silent and stay so. */
  get stalledCount(): number {
    return [...this.links].filter((link) => link.stalled).length;
  }

  async setMode(mode: ProxyMode): Promise<void> {
    const previous = this.mode;
    this.mode = mode;
    if (mode === 'silent') for (const link of this.links) this.stall(link);
    if (mode === 'refuse' && previous !== 'refuse') await this.stopListening();
    if (mode !== 'refuse' && previous === 'refuse') await this.listen();
    if (mode === 'pass') for (const link of this.links) this.release(link);
  }

  reset(): void {
    for (const link of this.links) {
      link.client.resetAndDestroy();
      link.upstream?.resetAndDestroy();
    }
    this.links.clear();
  }

  async close(): Promise<void> {
    this.reset();
    await this.stopListening();
  }

  private listen(): Promise<void> {
    // Half-open sockets allowed, so a stalled link can swallow the app's FIN.
    const server = createServer({ allowHalfOpen: true }, (client) => this.accept(client));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        this.port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  private stopListening(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    const link: Link = {
      client,
      heldFromClient: [],
      heldFromServer: [],
      stalled: false,
      drop: () => {
        if (link.stalled) return;
        this.links.delete(link);
        client.destroy();
        link.upstream?.destroy();
      },
    };
    this.links.add(link);
    client.on('error', link.drop).on('close', link.drop).on('end', link.drop);
    client.on('data', (chunk) => this.fromClient(link, chunk));
    if (this.mode === 'silent') this.stall(link);
    else if (this.mode === 'pass') this.connectUpstream(link);
  }

  private stall(link: Link): void {
    link.stalled = true;
    link.heldFromClient.length = 0;
    link.heldFromServer.length = 0;
    // The server side is cut off; the app's side is left open and mute.
    link.upstream?.removeAllListeners('data');
    link.upstream?.destroy();
  }

  private connectUpstream(link: Link): void {
    const upstream = new Socket();
    link.upstream = upstream;
    upstream.on('error', link.drop).on('close', link.drop);
    upstream.on('data', (chunk) => {
      if (link.stalled) return;
      if (this.mode === 'pass') link.client.write(chunk);
      else link.heldFromServer.push(chunk);
    });
    upstream.connect(this.target.port, this.target.host, () => this.flush(link));
  }

  private fromClient(link: Link, chunk: Buffer): void {
    if (link.stalled) return;
    if (this.mode !== 'pass' || !link.upstream?.writable || link.heldFromClient.length > 0) {
      link.heldFromClient.push(chunk);
      return;
    }
    this.forward(link, chunk);
  }

  private forward(link: Link, chunk: Buffer): void {
    if (this.latencyMs === 0) link.upstream?.write(chunk);
    else setTimeout(() => link.upstream?.write(chunk), this.latencyMs);
  }

  private release(link: Link): void {
    if (link.stalled) return;
    if (link.upstream) this.flush(link);
    else this.connectUpstream(link);
  }

  private flush(link: Link): void {
    if (this.mode !== 'pass' || link.stalled) return;
    for (const chunk of link.heldFromServer.splice(0)) link.client.write(chunk);
    for (const chunk of link.heldFromClient.splice(0)) this.forward(link, chunk);
  }
}
