import type { ReportRange } from './report-range';
import { SLOT_MS } from './report-range';
import { isLevel, withPending, type ReportSql } from './report-sql';
import type { SummaryInputs } from './summary';

interface SlotRow {
  slot: number | string;
  level: string;
  created: number | string;
  resolved: number | string;
  escalations: number | string;
  overrides: number | string;
  first_response_breaches: number | string;
  resolution_breaches: number | string;
}

const SLOT_COLUMNS = `slot, level, created, resolved, escalations, overrides,
  first_response_breaches, resolution_breaches`;

/**
 * The range's rows of `report_slots` (kept by triggers, migration 1768500000000), and of the
 * changes not yet folded into it (`report_slot_deltas`, MySQL): created and resolved per slot
 * and level at creation; escalations, overrides and breaches (by due slot). A slot may come
 * more than once; every figure is a sum.
 */
export async function slotsOf(
  sql: ReportSql,
  range: ReportRange,
): Promise<Omit<SummaryInputs, 'backlogAtStart' | 'durations'>> {
  const slots = [range.startMs / SLOT_MS, range.endMs / SLOT_MS];
  const rows = await sql.query<SlotRow>(
    withPending('report_slots', `SELECT ${SLOT_COLUMNS}`, 'WHERE slot >= ? AND slot < ?'),
    [...slots, ...slots],
  );
  const inputs: Omit<SummaryInputs, 'backlogAtStart' | 'durations'> = {
    created: [],
    resolved: [],
    escalations: [],
    overrides: [],
    breaches: [],
  };
  for (const row of rows) {
    const slot = Number(row.slot);
    const count = (n: number | string) => Number(n);
    if (isLevel(row.level)) {
      if (count(row.created)) {
        inputs.created.push({ slot, level: row.level, n: count(row.created) });
      }
      if (count(row.resolved)) {
        inputs.resolved.push({ slot, level: row.level, n: count(row.resolved) });
      }
    }
    if (count(row.escalations)) inputs.escalations.push({ slot, n: count(row.escalations) });
    if (count(row.overrides)) inputs.overrides.push({ slot, n: count(row.overrides) });
    for (const metric of ['first_response', 'resolution'] as const) {
      const n = count(row[`${metric}_breaches`]);
      if (n) inputs.breaches.push({ slot, metric, n });
    }
  }
  return inputs;
}
