import type { TicketStatus } from './ticket.entity';

/**
 * Allowed moves: open → in_progress → resolved → closed, reopening resolved or closed work, and
 * `pending` (waiting on the customer) from and back to open or in_progress.
 */
export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress', 'pending'],
  in_progress: ['resolved', 'pending'],
  pending: ['in_progress', 'open'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

export const canMove = (from: TicketStatus, to: TicketStatus): boolean =>
  TRANSITIONS[from].includes(to);
