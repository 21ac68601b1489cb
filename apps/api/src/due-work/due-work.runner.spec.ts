import type { Clock } from '../common/clock';
import { drainDue } from './drain-due';
import { DueWorkRunner, type DueJob } from './due-work.runner';

const fixedClock = (now: Date): Clock => ({ now: () => now });

describe('DueWorkRunner', () => {
  it('should run a registered job on demand with the clock instant', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const seen: Date[] = [];
    const runner = new DueWorkRunner(fixedClock(now));
    runner.register({ name: 'job', runDue: (at) => (seen.push(at), Promise.resolve(3)) }, 0);

    await expect(runner.runNow('job')).resolves.toBe(3);
    expect(seen).toEqual([now]);
  });

  it('should never run two passes of one job at once', async () => {
    let active = 0;
    let maxActive = 0;
    const job: DueJob = {
      name: 'slow',
      runDue: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setImmediate(resolve));
        active--;
        return 1;
      },
    };
    const runner = new DueWorkRunner(fixedClock(new Date()));
    runner.register(job, 0);

    await Promise.all([runner.runNow('slow'), runner.runNow('slow'), runner.runNow('slow')]);
    expect(maxActive).toBe(1);
  });

  it('should refuse a job registered twice and an unknown job', async () => {
    const runner = new DueWorkRunner(fixedClock(new Date()));
    const job: DueJob = { name: 'twice', runDue: () => Promise.resolve(0) };
    runner.register(job, 0);

    expect(() => runner.register(job, 0)).toThrow(/registered twice/);
    await expect(runner.runNow('missing')).rejects.toThrow(/No due job/);
  });

  it('should propagate a failing pass and run again afterwards', async () => {
    let calls = 0;
    const runner = new DueWorkRunner(fixedClock(new Date()));
    runner.register(
      {
        name: 'flaky',
        runDue: () => (++calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(2)),
      },
      0,
    );

    await expect(runner.runNow('flaky')).rejects.toThrow('boom');
    await expect(runner.runNow('flaky')).resolves.toBe(2);
  });
});

describe('drainDue', () => {
  it('should keep reading full batches until a short one and sum what was handled', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => i);
    const batches: number[][] = [];
    const handled = await drainDue({
      batchSize: 3,
      findDue: (limit) => Promise.resolve(rows.splice(0, limit)),
      handle: (batch) => (batches.push(batch), Promise.resolve(batch.length - 1)),
    });

    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(handled).toBe(4);
  });

  it('should stop after maxBatches even when rows keep coming', async () => {
    let reads = 0;
    await drainDue({
      batchSize: 2,
      maxBatches: 4,
      findDue: () => (reads++, Promise.resolve([1, 2])),
      handle: () => Promise.resolve(0),
    });

    expect(reads).toBe(4);
  });
});
