import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';

import { readStream, type StreamEvent } from '../../api/stream';
import { useSession } from '../../shared/session/session-context';
import { commentKeys } from '../comments/hooks';
import { ticketKeys } from '../tickets/hooks';
import { LiveContext } from './live-status';

/** Events that arrive together cause one refetch per query, not one per event. */
const BATCH_MS = 150;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/** The queries an event makes stale: every list and count, and that ticket's page. */
export function invalidateFor(client: QueryClient, events: StreamEvent[]): void {
  void client.invalidateQueries({ queryKey: [...ticketKeys.all, 'list'] });
  void client.invalidateQueries({ queryKey: [...ticketKeys.all, 'count'] });
  for (const id of new Set(events.map((event) => event.ticket_id))) {
    void client.invalidateQueries({ queryKey: ticketKeys.one(id) });
    void client.invalidateQueries({ queryKey: ticketKeys.events(id) });
    void client.invalidateQueries({ queryKey: commentKeys.thread(id) });
  }
}

interface Connection {
  stop(): void;
}

/**
 * Keeps one stream open while signed in: reconnects with the last event id (the server replays
 * what was missed), backing off from 1 s to 30 s while it fails, and reports whether it is live.
 */
function connect(client: QueryClient, setLive: (live: boolean) => void): Connection {
  const abort = new AbortController();
  let lastEventId: string | undefined;
  let pending: StreamEvent[] = [];
  let flush: ReturnType<typeof setTimeout> | undefined;
  let delay = RETRY_FIRST_MS;
  const onEvent = (event: StreamEvent, id: string | undefined) => {
    lastEventId = id ?? lastEventId;
    pending.push(event);
    flush ??= setTimeout(() => {
      flush = undefined;
      invalidateFor(client, pending);
      pending = [];
    }, BATCH_MS);
  };
  const onOpen = () => {
    delay = RETRY_FIRST_MS;
    setLive(true);
    // Whatever changed while polling stood in is fetched once, now.
    void client.invalidateQueries({ queryKey: ticketKeys.all });
  };
  void (async () => {
    while (!abort.signal.aborted) {
      await readStream({ lastEventId, signal: abort.signal, onOpen, onEvent }).catch(() => {
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      });
      setLive(false);
      if (abort.signal.aborted) return;
      await new Promise((done) => setTimeout(done, delay));
    }
  })();
  return {
    stop: () => {
      abort.abort();
      clearTimeout(flush);
    },
  };
}

export function LiveUpdates({ children }: { children: ReactNode }) {
  const { status, user } = useSession();
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  const userId = status === 'signed-in' ? user?.id : undefined;

  useEffect(() => {
    if (userId === undefined) return;
    const connection = connect(client, setLive);
    return () => {
      connection.stop();
      setLive(false);
    };
  }, [client, userId]);

  return <LiveContext.Provider value={live}>{children}</LiveContext.Provider>;
}
