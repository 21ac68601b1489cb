import type { ServerResponse } from 'node:http';

import { formatEvent, type StreamItem } from './stream-events';

/** A client that reads slower than this much buffered output is dropped (it replays later). */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * One open `text/event-stream` response. While the replay of missed events is written, live
 * events are held back and then sent unless the replay already did, so nothing is lost or
 * doubled between the two.
 */
export class StreamConnection {
  private held: StreamItem[] | undefined = [];
  private readonly replayed = new Set<number>();
  private closed = false;

  constructor(
    private readonly response: ServerResponse,
    private readonly onClose: () => void,
  ) {
    response.once('close', () => this.close());
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** A live event: written now, or held while the replay runs. */
  push(item: StreamItem): void {
    if (this.held) this.held.push(item);
    else this.write(formatEvent(item));
  }

  replay(item: StreamItem): void {
    this.replayed.add(item.id);
    this.write(formatEvent(item));
  }

  /** The replay is over: send what arrived meanwhile and go live. */
  goLive(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const item of held) if (!this.replayed.has(item.id)) this.write(formatEvent(item));
    this.replayed.clear();
  }

  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  /** Ends the response cleanly (the client reconnects, elsewhere if this instance drains). */
  end(): void {
    if (this.closed) return;
    this.response.end();
    this.close();
  }

  private write(chunk: string): void {
    if (this.closed) return;
    if (this.response.writableLength > MAX_BUFFERED_BYTES) {
      this.response.destroy();
      return this.close();
    }
    this.response.write(chunk);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
}
