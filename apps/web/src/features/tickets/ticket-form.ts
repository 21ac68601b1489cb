import type { CustomerType, IssueType, NewTicket } from '../../api/types';

/** The new-ticket form as typed: strings, kept in the draft until submitted. */
export interface TicketDraft {
  issue_type: IssueType;
  impact: string;
  customer_type: CustomerType;
  title: string;
  description: string;
}

export const EMPTY_DRAFT: TicketDraft = {
  issue_type: 'major',
  impact: '',
  customer_type: 'paid',
  title: '',
  description: '',
};

const MAX_IMPACT = 1_000_000_000;

/**
 * The body to send, or the messages by field that stop it. With `fixedTier` (a reporter of an
 * organisation) the tier is left out: the API files the ticket at the organisation's.
 */
export function toNewTicket(
  draft: TicketDraft,
  fixedTier?: CustomerType,
): {
  ticket?: NewTicket;
  fields: Record<string, string[]>;
} {
  const fields: Record<string, string[]> = {};
  const impact = Number(draft.impact.trim());
  if (!/^\d+$/.test(draft.impact.trim()) || impact < 1 || impact > MAX_IMPACT) {
    fields.impact = ['Enter a whole number of affected users, from 1 to 1,000,000,000.'];
  }
  if (draft.title.length > 200) fields.title = ['Keep the title to 200 characters.'];
  if (draft.description.length > 10_000) {
    fields.description = ['Keep the description to 10,000 characters.'];
  }
  if (Object.keys(fields).length > 0) return { fields };
  const title = draft.title.trim();
  const description = draft.description.trim();
  return {
    fields,
    ticket: {
      issue_type: draft.issue_type,
      impact,
      ...(!fixedTier && { customer_type: draft.customer_type }),
      ...(title && { title }),
      ...(description && { description }),
    },
  };
}
