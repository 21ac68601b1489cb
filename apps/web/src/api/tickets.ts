import { api, unwrap } from './client';
import type {
  ClaimFilter,
  NewTicket,
  QueueQuery,
  Ticket,
  TicketStatus,
  TicketUpdate,
} from './types';

// The ticket calls of the console; hooks in features/tickets wrap them in queries.

export const listTickets = (query: QueueQuery, signal?: AbortSignal) =>
  unwrap(api.GET('/tickets', { params: { query }, signal }));

export const getTicket = (id: number, signal?: AbortSignal) =>
  unwrap(api.GET('/tickets/{id}', { params: { path: { id } }, signal }));

export const getTicketEvents = (id: number, signal?: AbortSignal) =>
  unwrap(api.GET('/tickets/{id}/events', { params: { path: { id } }, signal }));

export const createTicket = (ticket: NewTicket) => unwrap(api.POST('/tickets', { body: ticket }));

/** Any of status, assignee, override and re-triage, applied together (one transaction). */
export const updateTicket = (id: number, body: TicketUpdate) =>
  unwrap(api.PATCH('/tickets/{id}', { params: { path: { id } }, body }));

export const moveTicket = (id: number, status: TicketStatus) => updateTicket(id, { status });

/** The top open, unassigned ticket, now the caller's and in progress; undefined on a 204. */
export async function claimNext(filter: ClaimFilter = {}): Promise<Ticket | undefined> {
  const ticket: Ticket | undefined = await unwrap(api.POST('/tickets/claim', { body: filter }));
  return ticket ?? undefined;
}
