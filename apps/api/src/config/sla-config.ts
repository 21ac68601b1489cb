import { readFileSync } from 'node:fs';

import { DEFAULT_SLA_POLICY, findSlaPolicyProblems, type SlaPolicy } from '@app/sla';

import type { SlaConfig } from './config.types';
import type { Env } from './env.schema';

/** The SLA policy of `SLA_POLICY_FILE` (every problem reported), or the shipped defaults. */
export function slaConfig(env: Env, problems: string[]): SlaConfig {
  const timing = { checkIntervalMs: env.SLA_CHECK_INTERVAL_MS, batchSize: env.SLA_BATCH_SIZE };
  const file = env.SLA_POLICY_FILE;
  if (!file) return { policy: DEFAULT_SLA_POLICY, source: 'defaults', ...timing };
  let candidate: unknown;
  try {
    candidate = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`SLA_POLICY_FILE: cannot read ${file} as JSON (${(error as Error).message})`);
    return { policy: DEFAULT_SLA_POLICY, source: file, ...timing };
  }
  for (const problem of findSlaPolicyProblems(candidate)) {
    problems.push(`SLA_POLICY_FILE ${file}: ${problem}`);
  }
  return { policy: candidate as SlaPolicy, source: file, ...timing };
}
