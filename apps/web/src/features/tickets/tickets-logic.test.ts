import { describe, expect, it } from 'vitest';

import type { Ticket } from '../../api/types';
import { LevelMemory } from './level-memory';
import { actionLabel, conflictMessage, NEXT_STATUSES } from './lifecycle';
import { parseQueueParams, queueUrl } from './queue-params';
import { toNewTicket, EMPTY_DRAFT } from './ticket-form';

describe('lifecycle', () => {
  it('should name each allowed move by what it does', () => {
    expect(NEXT_STATUSES.open.map((to) => actionLabel('open', to))).toEqual([
      'Start work',
      'Wait on customer',
    ]);
    expect(NEXT_STATUSES.pending.map((to) => actionLabel('pending', to))).toEqual([
      'Resume work',
      'Back to open',
    ]);
    expect(NEXT_STATUSES.resolved.map((to) => actionLabel('resolved', to))).toEqual([
      'Close',
      'Reopen',
    ]);
  });

  it('should say a 409 in words from the ticket as it is now', () => {
    const now = { id: 42, status: 'in_progress' } as Ticket;
    expect(conflictMessage(42, 'in_progress', now)).toBe('Ticket 42 is already in progress.');
    expect(conflictMessage(42, 'closed', now)).toMatch(
      /^Ticket 42 is now in progress, so it cannot move to closed/,
    );
    expect(conflictMessage(42, 'closed', undefined)).toMatch(/changed meanwhile/);
  });
});

describe(LevelMemory.name, () => {
  it('should flag a ticket that rose since last seen, until it is seen', () => {
    const memory = new LevelMemory(1, localStorage);
    expect(memory.observe([{ id: 1, priority_level: 'P2' }]).size).toBe(0);
    const risen = memory.observe([{ id: 1, priority_level: 'P1' }]);
    expect([...risen]).toEqual([[1, 'P2']]);
    // Still flagged on the next refresh, and for another tab of the same user.
    expect(new LevelMemory(1, localStorage).observe([{ id: 1, priority_level: 'P1' }]).get(1)).toBe(
      'P2',
    );
    memory.seen(1, 'P1');
    expect(memory.observe([{ id: 1, priority_level: 'P1' }]).size).toBe(0);
    // Another user has a memory of their own.
    expect(new LevelMemory(2, localStorage).observe([{ id: 1, priority_level: 'P0' }]).size).toBe(
      0,
    );
  });
});

describe('queue parameters', () => {
  it('should read the URL and write back only what differs from the defaults', () => {
    const params = parseQueueParams(new URLSearchParams('level=P1&status=open&page=3&limit=25'));
    expect(params).toEqual({ level: 'P1', status: 'open', page: 3, limit: 25 });
    expect(queueUrl(params)).toBe('/?level=P1&status=open&page=3&limit=25');
    expect(queueUrl(parseQueueParams(new URLSearchParams('level=P9&page=-1&limit=7')))).toBe('/');
    const work = parseQueueParams(
      new URLSearchParams('status=all&sla=at_risk&assignee=me&q=%20pay%20&sort=sla_due&x=1'),
    );
    expect(work).toMatchObject({ status: 'all', sla: 'at_risk', assignee: 'me', q: 'pay' });
    expect(queueUrl(work, '/my-tickets')).toBe(
      '/my-tickets?status=all&sla=at_risk&assignee=me&q=pay&sort=sla_due',
    );
    expect(parseQueueParams(new URLSearchParams('sla=late&sort=random&status=gone'))).toEqual({
      page: 1,
      limit: 10,
    });
  });
});

describe('the new-ticket form', () => {
  it('should send whole numbers only and leave out empty text', () => {
    expect(toNewTicket({ ...EMPTY_DRAFT, impact: '1.5' }).fields.impact).toHaveLength(1);
    expect(toNewTicket({ ...EMPTY_DRAFT, impact: '0' }).fields.impact).toHaveLength(1);
    expect(toNewTicket({ ...EMPTY_DRAFT, impact: ' 150 ', title: '  ' }).ticket).toEqual({
      issue_type: 'major',
      impact: 150,
      customer_type: 'paid',
    });
  });
});
