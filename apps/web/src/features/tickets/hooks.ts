import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';

import { ApiError } from '../../api/problem';
import * as tickets from '../../api/tickets';
import type { ClaimFilter, NewTicket, TicketStatus, TicketUpdate } from '../../api/types';
import { LEVELS } from '../../shared/badges';
import { useLiveUpdates } from '../stream/live-status';
import { toQuery, type AssigneeFilter, type QueueParams, type StatusFilter } from './queue-params';

/** How often an open queue asks again (only while the tab is visible). */
export const QUEUE_REFRESH_MS = 30_000;

/**
 * While the live stream is up, every event refreshes what it touched at once, and the queue is
 * asked again only once a minute (ages and SLA countdowns move with time, not with events).
 */
export const LIVE_QUEUE_REFRESH_MS = 60_000;

export const ticketKeys = {
  all: ['tickets'] as const,
  list: (params: QueueParams) => ['tickets', 'list', params] as const,
  count: (level: string, status?: string, assignee?: string) =>
    ['tickets', 'count', level, status ?? '', assignee ?? ''] as const,
  one: (id: number) => ['tickets', 'one', id] as const,
  events: (id: number) => ['tickets', 'events', id] as const,
};

export function useQueue(params: QueueParams) {
  return useQuery({
    queryKey: ticketKeys.list(params),
    queryFn: ({ signal }) => tickets.listTickets(toQuery(params), signal),
    placeholderData: keepPreviousData,
    refetchInterval: useLiveUpdates() ? LIVE_QUEUE_REFRESH_MS : QUEUE_REFRESH_MS,
  });
}

/** "Tickets by priority": one `limit=1` page per level, reading only `total`. */
export function useLevelCounts(status?: StatusFilter, assignee?: AssigneeFilter) {
  // Counts change only through events (creation, status, level): no polling while live.
  const refetchInterval = useLiveUpdates() ? false : QUEUE_REFRESH_MS;
  return useQueries({
    queries: LEVELS.map((level) => ({
      queryKey: ticketKeys.count(level, status, assignee),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        tickets.listTickets(
          {
            priority_level: level,
            page: 1,
            limit: 1,
            ...(status && { status }),
            ...(assignee && { assignee }),
          },
          signal,
        ),
      select: (page: { total: number }) => page.total,
      refetchInterval,
    })),
  });
}

/**
 * One ticket; the stream's events refresh it at once, and it is asked again every 30 s
 * anyway, so its SLA countdown stays current even when nothing happens to it.
 */
export function useTicket(id: number) {
  return useQuery({
    queryKey: ticketKeys.one(id),
    queryFn: ({ signal }) => tickets.getTicket(id, signal),
    refetchInterval: QUEUE_REFRESH_MS,
  });
}

export function useTicketEvents(id: number) {
  return useQuery({
    queryKey: ticketKeys.events(id),
    queryFn: ({ signal }) => tickets.getTicketEvents(id, signal),
  });
}

export function useCreateTicket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ticket: NewTicket) => tickets.createTicket(ticket),
    onSuccess: () => client.invalidateQueries({ queryKey: ticketKeys.all }),
  });
}

/**
 * Changes a ticket (status, assignee, override, re-triage); on a 409 reloads it so the page
 * shows (and says) what it is now.
 */
export function useUpdateTicket(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (update: TicketUpdate) => tickets.updateTicket(id, update),
    onSuccess: (ticket) => {
      client.setQueryData(ticketKeys.one(id), ticket);
      return client.invalidateQueries({ queryKey: ticketKeys.all });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        return client.invalidateQueries({ queryKey: ticketKeys.all });
      }
    },
  });
}

/** Takes the top open, unassigned ticket; resolves to undefined when there is none. */
export function useClaimNext() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (filter: ClaimFilter = {}) => tickets.claimNext(filter),
    onSuccess: (ticket) => {
      if (ticket) client.setQueryData(ticketKeys.one(ticket.id), ticket);
      return client.invalidateQueries({ queryKey: ticketKeys.all });
    },
  });
}

/** Moves a ticket; on a 409 reloads it so the page shows (and says) what it is now. */
export function useMoveTicket(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (status: TicketStatus) => tickets.moveTicket(id, status),
    onSuccess: (ticket) => {
      client.setQueryData(ticketKeys.one(id), ticket);
      return client.invalidateQueries({ queryKey: ticketKeys.all });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        return client.invalidateQueries({ queryKey: ticketKeys.all });
      }
    },
  });
}
