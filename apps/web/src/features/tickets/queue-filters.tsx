import { useEffect, useState } from 'react';

import type { PriorityLevel, SlaFilter } from '../../api/types';
import { LEVELS } from '../../shared/badges';
import { statusLabel } from '../../shared/format';
import { SLA_FILTERS } from '../sla/sla-view';
import {
  PAGE_SIZES,
  SORTS,
  STATUSES,
  type AssigneeFilter,
  type QueueParams,
  type QueueSort,
  type StatusFilter,
} from './queue-params';

interface Props {
  params: QueueParams;
  onChange: (next: QueueParams) => void;
  /** Offer the assignee filter (agents and admins, outside "My tickets"). */
  assignee: boolean;
}

/** Level, status, SLA, assignee, text, order and page size; any change goes back to page 1. */
export function QueueFilters({ params, onChange, assignee }: Props) {
  const change = (patch: Partial<QueueParams>) => onChange({ ...params, ...patch, page: 1 });
  const [text, setText] = useState(params.q ?? '');
  useEffect(() => setText(params.q ?? ''), [params.q]);
  const search = () => {
    const q = text.trim().slice(0, 100) || undefined;
    if (q !== params.q) change({ q });
  };
  return (
    <form
      className="filters"
      role="search"
      aria-label="Filter tickets"
      onSubmit={(e) => {
        e.preventDefault();
        search();
      }}
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
            change({ status: (e.target.value || undefined) as StatusFilter | undefined })
          }
        >
          <option value="">Active</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
          <option value="all">All statuses</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-sla">SLA</label>
        <select
          id="filter-sla"
          value={params.sla ?? ''}
          onChange={(e) => change({ sla: (e.target.value || undefined) as SlaFilter | undefined })}
        >
          <option value="">Any</option>
          {SLA_FILTERS.map((filter) => (
            <option key={filter.value} value={filter.value}>
              {filter.label}
            </option>
          ))}
        </select>
      </div>
      {assignee && (
        <div className="field">
          <label htmlFor="filter-assignee">Assignee</label>
          <select
            id="filter-assignee"
            value={params.assignee ?? ''}
            onChange={(e) =>
              change({ assignee: (e.target.value || undefined) as AssigneeFilter | undefined })
            }
          >
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="filter-q">Search</label>
        <input
          id="filter-q"
          type="search"
          maxLength={100}
          value={text}
          placeholder="Title or description"
          onChange={(e) => setText(e.target.value)}
          onBlur={search}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-sort">Sort</label>
        <select
          id="filter-sort"
          value={params.sort ?? 'priority'}
          onChange={(e) => {
            const sort = e.target.value as QueueSort;
            change({ sort: sort === 'priority' ? undefined : sort });
          }}
        >
          {SORTS.map((sort) => (
            <option key={sort.value} value={sort.value}>
              {sort.label}
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
