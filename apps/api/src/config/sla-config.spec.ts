import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT_SLA_POLICY } from '@app/sla';

import { buildConfig, ConfigError } from './configuration';

const dir = mkdtempSync(join(tmpdir(), 'sla-policy-'));
const write = (name: string, content: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    buildConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('SLA_POLICY_FILE', () => {
  it('should use the shipped defaults without a file', () => {
    expect(buildConfig({}).sla).toEqual({
      policy: DEFAULT_SLA_POLICY,
      source: 'defaults',
      checkIntervalMs: 15_000,
      batchSize: 500,
    });
  });

  it('should load a valid policy from the file', () => {
    const policy = { ...DEFAULT_SLA_POLICY, warn_at_percent: 50 };
    const file = write('good.json', policy);
    expect(buildConfig({ SLA_POLICY_FILE: file }).sla).toMatchObject({ policy, source: file });
  });

  it('should list each problem of an invalid policy on its own line', () => {
    const policy = JSON.parse(JSON.stringify(DEFAULT_SLA_POLICY));
    policy.calendars.business.timezone = 'Europe/Atlantis';
    policy.targets.P0.first_response_minutes = -5;
    delete policy.targets.P3;
    const file = write('bad.json', policy);
    expect(problemsOf({ SLA_POLICY_FILE: file })).toEqual([
      `SLA_POLICY_FILE ${file}: calendars.business.timezone: must be an IANA time zone such as Europe/Berlin`,
      `SLA_POLICY_FILE ${file}: targets.P0.first_response_minutes: must be a whole number of minutes from 1 to 5256000`,
      `SLA_POLICY_FILE ${file}: targets.P3: missing`,
    ]);
  });

  it('should refuse a missing file, a file that is not JSON, and a bad interval', () => {
    expect(problemsOf({ SLA_POLICY_FILE: join(dir, 'absent.json') })[0]).toMatch(
      /^SLA_POLICY_FILE: cannot read .* as JSON/,
    );
    expect(problemsOf({ SLA_POLICY_FILE: write('broken.json', '{ nope') })[0]).toMatch(
      /cannot read .* as JSON/,
    );
    expect(problemsOf({ SLA_CHECK_INTERVAL_MS: '120000' })[0]).toMatch(/^SLA_CHECK_INTERVAL_MS:/);
  });
});
