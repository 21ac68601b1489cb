import type { PriorityLevel } from '../../api/types';

const RANK: Record<PriorityLevel, number> = { P0: 0, P1: 1, P2: 2, P3: 3 };
const MAX_ENTRIES = 2_000;

export const isHigher = (level: PriorityLevel, than: PriorityLevel) => RANK[level] < RANK[than];

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The level each ticket had when this user last saw it, so a ticket that rose a level since
 * stays highlighted until it is opened. Kept per user in localStorage (one browser, many tabs).
 */
export class LevelMemory {
  private readonly key: string;

  constructor(
    userId: number,
    private readonly storage: Store = globalThis.localStorage,
  ) {
    this.key = `tps.levels.${userId}`;
  }

  private read(): Record<string, PriorityLevel> {
    try {
      return JSON.parse(this.storage.getItem(this.key) ?? '{}') as Record<string, PriorityLevel>;
    } catch {
      return {};
    }
  }

  private write(levels: Record<string, PriorityLevel>): void {
    const entries = Object.entries(levels);
    const kept = entries.length > MAX_ENTRIES ? entries.slice(-MAX_ENTRIES) : entries;
    this.storage.setItem(this.key, JSON.stringify(Object.fromEntries(kept)));
  }

  /**
   * Records tickets seen for the first time; returns the level each risen ticket had when it
   * was last seen (id → that level).
   */
  observe(tickets: readonly { id: number; priority_level: PriorityLevel }[]) {
    const levels = this.read();
    const risen = new Map<number, PriorityLevel>();
    let changed = false;
    for (const { id, priority_level: level } of tickets) {
      const before = levels[id];
      if (before === undefined || isHigher(before, level)) {
        // New, or dropped (a level never falls today, but a re-score may): take it as seen.
        levels[id] = level;
        changed = true;
      } else if (isHigher(level, before)) risen.set(id, before);
    }
    if (changed) this.write(levels);
    return risen;
  }

  /** The user looked at the ticket: its current level is now the one they know. */
  seen(id: number, level: PriorityLevel): void {
    const levels = this.read();
    if (levels[id] === level) return;
    levels[id] = level;
    this.write(levels);
  }
}
