import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';

import * as reports from '../../api/reports';
import type { ExportQuery } from '../../api/types';
import type { ReportParams } from './report-params';

export const reportKeys = {
  summary: (params: ReportParams) => ['reports', 'summary', params] as const,
  agents: (params: ReportParams) => ['reports', 'agents', params] as const,
};

export function useSummary(params: ReportParams) {
  return useQuery({
    queryKey: reportKeys.summary(params),
    queryFn: ({ signal }) => reports.getSummary(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAgentsReport({ from, to, tz }: ReportParams) {
  return useQuery({
    queryKey: reportKeys.agents({ from, to, tz, bucket: 'day' }),
    queryFn: ({ signal }) => reports.getAgentsReport({ from, to, tz }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Saves a Blob under a name: a temporary object URL on a link the user never sees. */
function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useExportTickets() {
  return useMutation({
    mutationFn: (query: ExportQuery) => reports.exportTickets(query),
    onSuccess: ({ blob, filename }) => save(blob, filename),
  });
}
