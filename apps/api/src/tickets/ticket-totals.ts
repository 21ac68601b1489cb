import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { performance } from 'node:perf_hooks';

import type { AppConfig } from '../config';
import type { Ticket } from './ticket.entity';

/** The columns `GET /tickets` can filter on; a cached count is kept per combination. */
export type CountedFields = Pick<
  Ticket,
  'createdBy' | 'status' | 'priorityLevel' | 'issueType' | 'customerType'
> &
  Partial<Pick<Ticket, 'assigneeId' | 'organizationId'>>;
/** Equality on each field given; `status` may also be a list (any of them). */
export type CountFilter = Partial<Omit<CountedFields, 'status'>> & {
  status?: CountedFields['status'] | CountedFields['status'][];
};

interface Entry {
  filter: CountFilter;
  /** Settled count; undefined while the first count is in flight. */
  value?: number;
  at: number;
  refreshing?: Promise<number>;
}

const MAX_ENTRIES = 1_000;

const matches = (filter: CountFilter, ticket: CountedFields) =>
  (Object.keys(filter) as (keyof CountedFields)[]).every((key) => {
    const wanted = filter[key];
    if (Array.isArray(wanted)) return wanted.includes(ticket.status);
    return wanted === (ticket[key] ?? null);
  });

/**
 * `total` without a COUNT(*) per request. An exact count reads a whole index range: about
 * 0.75 s for the unfiltered queue at a million rows on MySQL, against 1 ms for the page itself.
 * So each filter's count is computed once, then kept exact by applying this instance's own
 * writes as deltas (a created ticket matching the filter adds one, a status or level change
 * moves one between filters), and recounted in the background once older than
 * `TICKETS_TOTAL_CACHE_MS` so other instances' writes show within that time (MySQL only: on
 * SQLite there are no other instances). Readers never wait for a recount except the very first.
 * `TICKETS_TOTAL_CACHE_MS=0` counts every time.
 */
@Injectable()
export class TicketTotals {
  private readonly ttlMs: number;
  /** How old a settled count may grow before it is recounted in the background. */
  private readonly recountAfterMs: number;
  private readonly entries = new Map<string, Entry>();

  constructor(config: ConfigService<AppConfig, true>) {
    this.ttlMs = config.get('queue', { infer: true }).totalCacheMs;
    // SQLite is one file of one process (docs/scaling.md): every write is this instance's and
    // moves the counts as a delta, so a settled count stays exact. A recount there would only
    // stall the service: better-sqlite3 is synchronous, and a COUNT over the active queue at a
    // million tickets held every request for its whole duration (docs/benchmarks.md).
    const sqlite = config.get('database', { infer: true })?.type === 'sqlite';
    this.recountAfterMs = sqlite ? Infinity : this.ttlMs;
  }

  get(filter: CountFilter, count: () => Promise<number>): Promise<number> {
    if (this.ttlMs === 0) return count();
    const key = JSON.stringify(filter);
    const entry = this.entries.get(key);
    if (!entry || entry.value === undefined) {
      return entry?.refreshing ?? this.start(key, { filter, at: performance.now() }, count);
    }
    if (performance.now() - entry.at >= this.recountAfterMs && !entry.refreshing) {
      this.start(key, entry, count).catch(() => undefined);
    }
    return Promise.resolve(entry.value);
  }

  /** A ticket this instance created or imported. */
  added(ticket: CountedFields): void {
    this.changed(null, ticket);
  }

  /** A ticket this instance moved, e.g. a new status or level; `before` null means new. */
  changed(before: CountedFields | null, after: CountedFields): void {
    for (const [key, entry] of this.entries) {
      if (entry.refreshing) {
        // A count in flight may or may not see this write: forget it and count again.
        this.entries.delete(key);
        continue;
      }
      if (entry.value === undefined) continue;
      if (before && matches(entry.filter, before)) entry.value--;
      if (matches(entry.filter, after)) entry.value++;
    }
  }

  private start(key: string, entry: Entry, count: () => Promise<number>): Promise<number> {
    if (!this.entries.has(key) && this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const startedAt = performance.now();
    const refreshing = count().then(
      (value) => {
        if (this.entries.get(key) === entry && entry.refreshing === refreshing) {
          Object.assign(entry, { value, at: startedAt, refreshing: undefined });
        }
        return value;
      },
      (error: unknown) => {
        if (entry.refreshing === refreshing) entry.refreshing = undefined;
        if (entry.value === undefined) this.entries.delete(key);
        throw error;
      },
    );
    entry.refreshing = refreshing;
    this.entries.set(key, entry);
    return refreshing;
  }
}
