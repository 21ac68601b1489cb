import { describe, expect, it } from 'vitest';

import type { Ticket } from '../../api/types';
import { reasonError, rescoreMessage, triageOf, triageUpdate } from './ticket-changes';

const ticket = {
  id: 9,
  issue_type: 'minor',
  impact: 1,
  customer_type: 'free',
  priority_score: 3,
  priority_level: 'P3',
  priority_override: null,
} as Ticket;

describe('re-triage', () => {
  it('should send only the corrected fields, and refuse an empty or invalid correction', () => {
    expect(triageUpdate(ticket, triageOf(ticket)).error).toMatch(/^Nothing to correct/);
    expect(triageUpdate(ticket, { ...triageOf(ticket), impact: '1.5' }).error).toMatch(
      /whole number/,
    );
    expect(
      triageUpdate(ticket, { ...triageOf(ticket), issue_type: 'critical', impact: ' 40 ' }).update,
    ).toEqual({ issue_type: 'critical', impact: 40 });
  });

  it('should say the re-score: score, level and the corrected facts', () => {
    const after = {
      ...ticket,
      issue_type: 'critical',
      impact: 5000,
      priority_score: 11,
      priority_level: 'P1',
    } as Ticket;
    expect(rescoreMessage(ticket, after)).toBe(
      'Re-scored: score 3 → 11, level P3 → P1 (minor → critical, 1 → 5,000 users).',
    );
    const pinned = { ...after, priority_level: 'P3', priority_override: {} } as Ticket;
    expect(rescoreMessage(ticket, pinned)).toMatch(/level stays P3 \(pinned by an override\)/);
  });
});

describe('override reason', () => {
  it('should want 10 to 500 characters, spaces around not counted', () => {
    expect(reasonError('   short   ')).toMatch(/10 to 500/);
    expect(reasonError('Long enough reason')).toBeUndefined();
    expect(reasonError('x'.repeat(501))).toMatch(/10 to 500/);
  });
});
