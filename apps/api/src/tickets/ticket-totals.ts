import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { performance } from 'node:perf_hooks';

import type { AppConfig } from '../config';

interface Entry {
  generation: number;
  at: number;
  value: Promise<number>;
}

const MAX_ENTRIES = 1_000;

/**
 * Reuses `total` counts for a short while. An exact COUNT(*) at a million rows reads a whole
 * index (tens to hundreds of ms); the queue's first page reads ten rows. Counts are shared by
 * concurrent requests (one query in flight per filter) and dropped as soon as this instance
 * writes a ticket, so a single instance always answers exactly; other instances' writes show
 * within `TICKETS_TOTAL_CACHE_MS`.
 */
@Injectable()
export class TicketTotals {
  private readonly ttlMs: number;
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(config: ConfigService<AppConfig, true>) {
    this.ttlMs = config.get('queue', { infer: true }).totalCacheMs;
  }

  /** Call after any write that can change a count: creation, import, status or level change. */
  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  get(key: string, count: () => Promise<number>): Promise<number> {
    const now = performance.now();
    const entry = this.entries.get(key);
    if (entry && entry.generation === this.generation && now - entry.at < this.ttlMs) {
      return entry.value;
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const value = count();
    const fresh = { generation: this.generation, at: now, value };
    this.entries.set(key, fresh);
    // A failed count must not be served to the next caller.
    value.catch(() => this.entries.get(key) === fresh && this.entries.delete(key));
    return value;
  }
}
