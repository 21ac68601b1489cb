import fc from 'fast-check';

import { pickAgent, type AgentLoad } from './assignment';

const agent = (id: number, open: number, capacity: number, last: number | null = null) => ({
  id,
  open,
  capacity,
  lastAssignedAt: last === null ? null : new Date(last),
});

const agents = fc.array(
  fc.record({
    id: fc.integer({ min: 1, max: 1_000 }),
    open: fc.integer({ min: 0, max: 20 }),
    capacity: fc.integer({ min: 0, max: 20 }),
    lastAssignedAt: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
  }),
  { maxLength: 8 },
);

describe('pickAgent', () => {
  it('should pick the lowest share of capacity in use, not the fewest tickets', () => {
    expect(pickAgent([agent(1, 2, 4), agent(2, 3, 10)])?.id).toBe(2);
  });

  it('should break ties by least recent assignment, never-assigned first, then id', () => {
    expect(pickAgent([agent(1, 1, 5, 2_000), agent(2, 1, 5, 1_000)])?.id).toBe(2);
    expect(pickAgent([agent(1, 1, 5, 2_000), agent(2, 1, 5)])?.id).toBe(2);
    expect(pickAgent([agent(3, 0, 5), agent(2, 0, 5)])?.id).toBe(2);
  });

  it('should give nothing to an agent at capacity, and null when nobody has room', () => {
    expect(pickAgent([agent(1, 5, 5), agent(2, 0, 0)])).toBeNull();
    expect(pickAgent([])).toBeNull();
  });

  it('should always pick someone with room whose share is the lowest of those with room', () => {
    fc.assert(
      fc.property(agents, (pool: AgentLoad[]) => {
        const picked = pickAgent(pool);
        const withRoom = pool.filter((a) => a.open < a.capacity);
        expect(picked === null).toBe(withRoom.length === 0);
        const share = (a: AgentLoad) => a.open / a.capacity;
        const lowest = Math.min(...withRoom.map(share));
        expect(picked === null || share(picked) === lowest).toBe(true);
      }),
    );
  });
});
