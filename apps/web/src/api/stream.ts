import { sessionFetch } from './client';
import { ApiError, problemOf } from './problem';
import type { components } from './schema';

export type StreamEvent = components['schemas']['StreamEventDto'];

export interface SseMessage {
  id?: string;
  data: string;
}

/**
 * Splits server-sent event text into complete messages; returns them and the unfinished rest.
 * Comment lines (the heartbeat) and `retry:` carry nothing for the console.
 */
export function parseSse(text: string): { messages: SseMessage[]; rest: string } {
  const normalised = text.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages: SseMessage[] = [];
  for (const block of blocks) {
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length > 0) messages.push({ id, data: data.join('\n') });
  }
  return { messages, rest };
}

export interface StreamHandlers {
  lastEventId?: string;
  signal: AbortSignal;
  onOpen(): void;
  onEvent(event: StreamEvent, id: string | undefined): void;
}

/**
 * Reads GET /stream until it ends (resolves) or fails (rejects with an ApiError for a problem
 * answer). fetch, not EventSource: EventSource cannot send the bearer header.
 */
export async function readStream({ lastEventId, signal, onOpen, onEvent }: StreamHandlers) {
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  const response = await sessionFetch('/stream', { headers, signal });
  if (!response.ok || !response.body) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(problemOf(response.status, body, response.headers.get('Retry-After')));
  }
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const { messages, rest } = parseSse(buffer + value);
    buffer = rest;
    for (const message of messages) {
      onEvent(JSON.parse(message.data) as StreamEvent, message.id);
    }
  }
}
