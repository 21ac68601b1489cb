import { api, unwrap } from './client';
import type { AgentsQuery, ExportQuery, SummaryQuery } from './types';

// The report calls of the console; hooks in features/reports wrap them in queries.

export const getSummary = (query: SummaryQuery, signal?: AbortSignal) =>
  unwrap(api.GET('/reports/summary', { params: { query }, signal }));

export const getAgentsReport = (query: AgentsQuery, signal?: AbortSignal) =>
  unwrap(api.GET('/reports/agents', { params: { query }, signal }));

const FILENAME = /filename="([^"]+)"/;

/**
 * The CSV of the queue's filters, as a file to save. Fetched (the bearer token travels in a
 * header, which a plain link cannot send) and handed over as a Blob.
 */
export async function exportTickets(query: ExportQuery): Promise<{ blob: Blob; filename: string }> {
  const call = api.GET('/tickets/export.csv', { params: { query }, parseAs: 'blob' });
  const blob = await unwrap(call);
  const { response } = await call;
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return { blob, filename: FILENAME.exec(disposition)?.[1] ?? 'tickets.csv' };
}
