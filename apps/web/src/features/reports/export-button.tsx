import { problemFrom } from '../../api/problem';
import type { ExportQuery } from '../../api/types';
import { ErrorMessage } from '../../shared/messages';
import { useExportTickets } from './hooks';

/** Downloads the CSV of the queue with these filters (agents and admins). */
export function ExportButton({
  query,
  label = 'Export CSV',
}: {
  query: ExportQuery;
  label?: string;
}) {
  const exporting = useExportTickets();
  return (
    <>
      <button
        type="button"
        className="button secondary"
        disabled={exporting.isPending}
        onClick={() => exporting.mutate(query)}
      >
        {exporting.isPending ? 'Exporting…' : label}
      </button>
      {exporting.error && <ErrorMessage problem={problemFrom(exporting.error)} />}
    </>
  );
}
