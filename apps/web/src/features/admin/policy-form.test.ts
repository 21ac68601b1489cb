import { describe, expect, it } from 'vitest';

import { SLA, target, WEIGHTS } from '../../test/policy-fixtures';
import { candidateOf, policyDiff, policyFieldGroups, valuesOf } from './policy-form';

const weights = WEIGHTS;
const sla = SLA;
const base = { weights, sla };

describe('policy form', () => {
  it('should have one field per number, named by the API field path', () => {
    const paths = policyFieldGroups(weights).flatMap((g) => g.fields.map((f) => f.path));
    expect(paths).toContain('weights.impact[1].maxUsers');
    expect(paths).not.toContain('weights.impact[2].maxUsers');
    expect(paths).toContain('weights.age[0].underHours');
    expect(paths).toContain('weights.levels.P2');
    expect(paths).toContain('sla.targets.P3.resolution_minutes');
    expect(paths).toContain('sla.warn_at_percent');
    expect(paths).toHaveLength(3 + 3 + 5 + 3 + 3 + 8 + 1);
  });

  it('should give back the base policy when nothing is edited', () => {
    expect(candidateOf(base, valuesOf(weights, sla))).toEqual(base);
  });

  it('should put edited numbers in the payload, leaving calendars and the base untouched', () => {
    const values = {
      ...valuesOf(weights, sla),
      'weights.issueType.critical': '9',
      'weights.impact[0].points': ' 2 ',
      'sla.targets.P1.first_response_minutes': '30',
      'sla.warn_at_percent': '80.5',
    };
    const candidate = candidateOf(base, values);
    expect(candidate.weights.issueType.critical).toBe(9);
    expect(candidate.weights.impact[0]).toEqual({ maxUsers: 10, points: 2 });
    expect(candidate.sla.targets.P1).toEqual({ ...target(60), first_response_minutes: 30 });
    expect(candidate.sla.warn_at_percent).toBe(80.5);
    expect(candidate.sla.calendars).toEqual(sla.calendars);
    expect(weights.issueType.critical).toBe(5);
  });

  it('should send a blank or non-numeric input as typed, for the API to name it', () => {
    const values = {
      ...valuesOf(weights, sla),
      'weights.levels.P0': '',
      'weights.age[1].points': 'x',
    };
    const candidate = candidateOf(base, values);
    expect(candidate.weights.levels.P0).toBe('');
    expect(candidate.weights.age[1]?.points).toBe('x');
  });

  it('should list what a version changes against the one in force', () => {
    const other = candidateOf(base, {
      'weights.customerType.free': '2',
      'sla.targets.P0.resolution_minutes': '100',
    });
    expect(policyDiff(other, base)).toEqual([
      { path: 'weights.customerType.free', from: '1', to: '2' },
      { path: 'sla.targets.P0.resolution_minutes', from: '120', to: '100' },
    ]);
    expect(policyDiff(base, base)).toEqual([]);
  });
});
