/** A pass never loops forever, even if every row it finds is taken by another instance. */
export const MAX_BATCHES_PER_PASS = 200;

export interface DrainOptions<T> {
  batchSize: number;
  /** The next due rows, oldest due first, at most `limit` (served by an index on the due instant). */
  findDue(limit: number): Promise<T[]>;
  /** Claims and handles one batch (conditional updates); returns how many this instance won. */
  handle(batch: T[]): Promise<number>;
  maxBatches?: number;
}

/**
 * The loop every due job shares: read a batch of due rows, handle it, and go on while full
 * batches keep coming. Rows another instance claimed first are simply not counted.
 */
export async function drainDue<T>(options: DrainOptions<T>): Promise<number> {
  const maxBatches = options.maxBatches ?? MAX_BATCHES_PER_PASS;
  let handled = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const due = await options.findDue(options.batchSize);
    if (due.length === 0) break;
    handled += await options.handle(due);
    if (due.length < options.batchSize) break;
  }
  return handled;
}
