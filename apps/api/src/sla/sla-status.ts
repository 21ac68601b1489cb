import type { Ticket, TicketStatus } from '../tickets/ticket.entity';
import { parsePauses, serializePauses } from './sla.service';

/**
 * The SLA facts a status change sets: entering `pending` opens a pause of the resolution clock,
 * leaving it closes the pause, and the first resolution is kept for good.
 */
export function slaStatusFacts(
  ticket: Pick<Ticket, 'status' | 'slaPauses' | 'firstResolvedAt'>,
  to: TicketStatus,
  now: Date,
): Partial<Pick<Ticket, 'slaPauses' | 'firstResolvedAt'>> {
  const changes: Partial<Pick<Ticket, 'slaPauses' | 'firstResolvedAt'>> = {};
  const pauses = parsePauses(ticket.slaPauses);
  if (to === 'pending' && ticket.status !== 'pending') {
    changes.slaPauses = serializePauses([...pauses, { from: now.getTime(), to: null }]);
  } else if (ticket.status === 'pending' && to !== 'pending' && pauses.at(-1)?.to === null) {
    pauses[pauses.length - 1] = { ...pauses[pauses.length - 1], to: now.getTime() };
    changes.slaPauses = serializePauses(pauses);
  }
  if (to === 'resolved' && ticket.firstResolvedAt === null) changes.firstResolvedAt = now;
  return changes;
}
