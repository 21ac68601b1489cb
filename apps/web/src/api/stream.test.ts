import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';

import { invalidateFor } from '../features/stream/live-updates';
import { setAuthHooks } from './client';
import { parseSse, readStream, type StreamEvent } from './stream';

const event = (ticket_id: number, event_id: number): StreamEvent => ({
  type: 'ticket.created',
  ticket_id,
  at: '2026-01-01T12:00:00.000Z',
  event_id,
  event: 'created',
  details: {},
});

describe('the live stream', () => {
  it('should split events, skip comments and keep an unfinished event for later', () => {
    const text = 'retry: 1000\n: connected\n\nid: 7\ndata: {"a":1}\n\n: heartbeat\n\nid: 8\nda';
    expect(parseSse(text)).toEqual({ messages: [{ id: '7', data: '{"a":1}' }], rest: 'id: 8\nda' });
  });

  it('should read the stream with the bearer token and Last-Event-ID, event by event', async () => {
    setAuthHooks({
      accessToken: () => 'tok',
      renew: () => Promise.resolve(false),
      expired: vi.fn(),
    });
    const chunks = [
      `id: 3\ndata: ${JSON.stringify(event(1, 3))}\n\nid: 4\ndata: `,
      `${JSON.stringify(event(2, 4))}\n\n`,
    ];
    const requests: Request[] = [];
    vi.stubGlobal('fetch', (request: Request) => {
      requests.push(request);
      const body = new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      });
      return Promise.resolve(
        new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
      );
    });
    const seen: Array<[number, string | undefined]> = [];
    const onOpen = vi.fn();
    await readStream({
      lastEventId: '2',
      signal: new AbortController().signal,
      onOpen,
      onEvent: (e, id) => seen.push([e.ticket_id, id]),
    });
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([
      [1, '3'],
      [2, '4'],
    ]);
    expect(new URL(requests[0].url).pathname).toBe('/stream');
    expect(requests[0].headers.get('Authorization')).toBe('Bearer tok');
    expect(requests[0].headers.get('Last-Event-ID')).toBe('2');
  });

  it('should reject with the problem when the stream is refused', async () => {
    setAuthHooks({
      accessToken: () => 'tok',
      renew: () => Promise.resolve(false),
      expired: vi.fn(),
    });
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response(JSON.stringify({ title: 'Too Many Requests', status: 429 }), { status: 429 }),
      ),
    );
    await expect(
      readStream({ signal: new AbortController().signal, onOpen: vi.fn(), onEvent: vi.fn() }),
    ).rejects.toMatchObject({ status: 429 });
  });

  it('should make the lists, the counts and the touched ticket stale', () => {
    const client = new QueryClient();
    const spy = vi.spyOn(client, 'invalidateQueries');
    invalidateFor(client, [event(5, 1), event(5, 2)]);
    expect(spy.mock.calls.map(([filters]) => filters?.queryKey)).toEqual([
      ['tickets', 'list'],
      ['tickets', 'count'],
      ['tickets', 'one', 5],
      ['tickets', 'events', 5],
      ['tickets', 'comments', 5],
    ]);
  });
});
