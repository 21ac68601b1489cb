import type { PriorityLevel, TicketStatus } from '../../api/types';
import { LEVELS } from '../../shared/badges';
import { statusLabel } from '../../shared/format';
import { PAGE_SIZES, STATUSES, type QueueParams } from './queue-params';

/** Level, status and page size; any change goes back to page 1. */
export function QueueFilters({
  params,
  onChange,
}: {
  params: QueueParams;
  onChange: (next: QueueParams) => void;
}) {
  const change = (patch: Partial<QueueParams>) => onChange({ ...params, ...patch, page: 1 });
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter tickets"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor="filter-level">Level</label>
        <select
          id="filter-level"
          value={params.level ?? ''}
          onChange={(e) =>
            change({ level: (e.target.value || undefined) as PriorityLevel | undefined })
          }
        >
          <option value="">All</option>
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select
          id="filter-status"
          value={params.status ?? ''}
          onChange={(e) =>
            change({ status: (e.target.value || undefined) as TicketStatus | undefined })
          }
        >
          <option value="">All</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-limit">Page size</label>
        <select
          id="filter-limit"
          value={params.limit}
          onChange={(e) => change({ limit: Number(e.target.value) })}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
