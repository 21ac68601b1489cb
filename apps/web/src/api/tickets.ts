import { api, unwrap } from './client';
import type { NewTicket, QueueQuery, TicketStatus } from './types';

// The ticket calls of the console; hooks in features/tickets wrap them in queries.

export const listTickets = (query: QueueQuery, signal?: AbortSignal) =>
  unwrap(api.GET('/tickets', { params: { query }, signal }));

export const getTicket = (id: number, signal?: AbortSignal) =>
  unwrap(api.GET('/tickets/{id}', { params: { path: { id } }, signal }));

export const getTicketEvents = (id: number, signal?: AbortSignal) =>
  unwrap(api.GET('/tickets/{id}/events', { params: { path: { id } }, signal }));

export const createTicket = (ticket: NewTicket) => unwrap(api.POST('/tickets', { body: ticket }));

export const moveTicket = (id: number, status: TicketStatus) =>
  unwrap(api.PATCH('/tickets/{id}', { params: { path: { id } }, body: { status } }));
