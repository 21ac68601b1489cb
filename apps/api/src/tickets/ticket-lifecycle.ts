import type { TicketStatus } from './ticket.entity';

/** Allowed moves: open → in_progress → resolved → closed, and reopening resolved or closed work. */
export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress'],
  in_progress: ['resolved'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

export const canMove = (from: TicketStatus, to: TicketStatus): boolean =>
  TRANSITIONS[from].includes(to);
