import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_SLA_POLICY } from '@app/sla';

import { SlaCheckerService } from '../../apps/api/src/sla/sla-checker.service';
import type { DatabaseKind, TestDatabase } from '../helpers/databases';
import { startQueueApp, type QueueApp } from '../queue/queue-app';

export const MINUTE = 60_000;

/** The example policy, with the business calendar in Berlin. */
export const BERLIN_POLICY = {
  ...DEFAULT_SLA_POLICY,
  calendars: {
    always: { type: '24x7' },
    business: {
      type: 'weekly',
      timezone: 'Europe/Berlin',
      week: Object.fromEntries(
        ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['09:00', '17:00']]]),
      ),
      holidays: ['2026-12-25'],
    },
  },
};

export function policyFile(policy: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tps-sla-')), 'policy.json');
  writeFileSync(file, JSON.stringify(policy));
  return file;
}

export interface SlaApp extends QueueApp {
  /** One pass of the SLA job, as its timer would run it. */
  check(): Promise<number>;
}

/** The real app with the Berlin policy and both timers off (tests run the passes). */
export async function startSlaApp(database: DatabaseKind | TestDatabase): Promise<SlaApp> {
  const q = await startQueueApp(database as DatabaseKind, {
    SLA_POLICY_FILE: policyFile(BERLIN_POLICY),
    SLA_CHECK_INTERVAL_MS: '0',
  });
  const checker = q.testApp.app.get(SlaCheckerService);
  return { ...q, check: () => checker.checkDue() };
}
