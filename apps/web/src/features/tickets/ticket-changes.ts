import type { PriorityLevel, Ticket, TicketUpdate } from '../../api/types';
import { formatNumber, label } from '../../shared/format';

// What a change did, in words, from the ticket before and after it (pure: tested beside it).

export const REASON_MIN = 10;
export const REASON_MAX = 500;

/** The re-triage fields an agent may correct. */
export interface TriageDraft {
  issue_type: Ticket['issue_type'];
  impact: string;
  customer_type: Ticket['customer_type'];
}

export const triageOf = (ticket: Ticket): TriageDraft => ({
  issue_type: ticket.issue_type,
  impact: String(ticket.impact),
  customer_type: ticket.customer_type,
});

/** Only the corrected fields, or the message that stops the form. */
export function triageUpdate(
  ticket: Ticket,
  draft: TriageDraft,
): { update?: TicketUpdate; error?: string } {
  const impact = Number(draft.impact.trim());
  if (!/^\d+$/.test(draft.impact.trim()) || impact < 1 || impact > 1_000_000_000) {
    return { error: 'Enter a whole number of affected users, from 1 to 1,000,000,000.' };
  }
  const update: TicketUpdate = {
    ...(draft.issue_type !== ticket.issue_type && { issue_type: draft.issue_type }),
    ...(impact !== ticket.impact && { impact }),
    ...(draft.customer_type !== ticket.customer_type && { customer_type: draft.customer_type }),
  };
  if (Object.keys(update).length === 0) {
    return { error: 'Nothing to correct: change a field first.' };
  }
  return { update };
}

/** "Re-scored: score 9 → 12, level P2 → P1 (major → critical)." */
export function rescoreMessage(before: Ticket, after: Ticket): string {
  const changes = (['issue_type', 'customer_type', 'impact'] as const)
    .filter((field) => before[field] !== after[field])
    .map((field) =>
      field === 'impact'
        ? `${formatNumber(before.impact)} → ${formatNumber(after.impact)} users`
        : `${label(before[field])} → ${label(after[field])}`,
    );
  const score = `score ${formatNumber(before.priority_score)} → ${formatNumber(after.priority_score)}`;
  const level =
    before.priority_level === after.priority_level
      ? `level stays ${after.priority_level}`
      : `level ${before.priority_level} → ${after.priority_level}`;
  const pinned = after.priority_override ? ' (pinned by an override)' : '';
  return `Re-scored: ${score}, ${level}${pinned}${changes.length ? ` (${changes.join(', ')})` : ''}.`;
}

/** The reason's problem, if any, as the API would refuse it. */
export function reasonError(reason: string): string | undefined {
  const length = reason.trim().length;
  if (length < REASON_MIN || length > REASON_MAX) {
    return `Give a reason of ${REASON_MIN} to ${REASON_MAX} characters.`;
  }
  return undefined;
}

export const overrideMessage = (
  id: number,
  level: PriorityLevel | null,
  computed: PriorityLevel,
) =>
  level
    ? `Ticket ${id} is pinned at ${level}.`
    : `Override cleared: ticket ${id} is at its computed level, ${computed}.`;

/** A refused change (409): the ticket changed meanwhile and is shown as it is now. */
export const changedMeanwhile = (id: number) =>
  `Ticket ${id} changed meanwhile (someone else updated it). It is shown as it is now: try again.`;
