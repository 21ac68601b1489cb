import type { Ticket, TicketStatus } from '../../api/types';
import { statusLabel } from '../../shared/format';

/**
 * The moves the API allows (apps/api/src/tickets/ticket-lifecycle.ts); the API does not
 * publish them, so they are mirrored here and the API stays the judge (409 otherwise).
 */
export const NEXT_STATUSES: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress', 'pending'],
  in_progress: ['resolved', 'pending'],
  pending: ['in_progress', 'open'],
  resolved: ['closed', 'open'],
  closed: ['open'],
};

/** The button for a move, named by what it does. */
export function actionLabel(from: TicketStatus, to: TicketStatus): string {
  if (to === 'pending') return 'Wait on customer';
  if (to === 'open') return from === 'pending' ? 'Back to open' : 'Reopen';
  if (to === 'in_progress') return from === 'pending' ? 'Resume work' : 'Start work';
  if (to === 'resolved') return 'Resolve';
  return from === 'resolved' ? 'Close' : `Move to ${statusLabel(to)}`;
}

/** What a 409 means, in words, from the ticket as it is now. */
export function conflictMessage(id: number, wanted: TicketStatus, now: Ticket | undefined): string {
  if (!now) return `Ticket ${id} changed meanwhile and could not be moved. Try again.`;
  if (now.status === wanted) return `Ticket ${id} is already ${statusLabel(wanted)}.`;
  return (
    `Ticket ${id} is now ${statusLabel(now.status)}, so it cannot move to ` +
    `${statusLabel(wanted)}. Choose again from its current status.`
  );
}
