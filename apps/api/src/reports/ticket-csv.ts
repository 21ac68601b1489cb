import type { TicketSlaDto } from '../sla/dto/ticket-sla.dto';
import type { Ticket } from '../tickets/ticket.entity';
import { csvRow, type CsvValue } from './csv';

/** A ticket with its people's and its organisation's names. */
export interface ExportRow {
  ticket: Ticket;
  creator?: string;
  assignee?: string;
  organization?: string;
}

/** The export's columns, in order. */
const COLUMNS: [string, (ticket: Ticket, sla: TicketSlaDto, row: ExportRow) => CsvValue][] = [
  ['id', (t) => t.id],
  ['title', (t) => t.title],
  ['description', (t) => t.description],
  ['issue_type', (t) => t.issueType],
  ['impact', (t) => t.impact],
  ['customer_type', (t) => t.customerType],
  ['organization', (_, __, row) => row.organization],
  ['level', (t) => t.priorityLevel],
  ['score', (t) => t.priorityScore],
  ['priority_override_level', (t) => t.priorityOverrideLevel],
  ['status', (t) => t.status],
  ['created_by', (_, __, row) => row.creator],
  ['assignee', (_, __, row) => row.assignee],
  ['created_at', (t) => t.createdAt],
  ['updated_at', (t) => t.updatedAt],
  ['first_response_at', (t) => t.firstResponseAt],
  ['resolved_at', (t) => t.resolvedAt],
  ['closed_at', (t) => t.closedAt],
  ['sla_level', (_, sla) => sla.level],
  ['first_response_due_at', (_, sla) => sla.first_response.due_at],
  ['first_response_met_at', (_, sla) => sla.first_response.met_at],
  ['first_response_breached', (_, sla) => sla.first_response.breached],
  ['resolution_due_at', (_, sla) => sla.resolution.due_at],
  ['resolution_met_at', (_, sla) => sla.resolution.met_at],
  ['resolution_breached', (_, sla) => sla.resolution.breached],
];

export const CSV_HEADER = csvRow(COLUMNS.map(([name]) => name));

export const ticketCsvRow = (row: ExportRow, sla: TicketSlaDto): string =>
  csvRow(COLUMNS.map(([, value]) => value(row.ticket, sla, row)));
