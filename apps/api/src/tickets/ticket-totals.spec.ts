import type { ConfigService } from '@nestjs/config';

import type { AppConfig } from '../config';
import { TicketTotals, type CountedFields } from './ticket-totals';

const totalsWith = (totalCacheMs: number, type = 'mysql') =>
  new TicketTotals({
    get: (name: string) => (name === 'database' ? { type } : { totalCacheMs }),
  } as unknown as ConfigService<AppConfig, true>);

const ticket = (overrides: Partial<CountedFields> = {}): CountedFields => ({
  createdBy: 1,
  status: 'open',
  priorityLevel: 'P2',
  issueType: 'major',
  customerType: 'paid',
  ...overrides,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('TicketTotals', () => {
  it('should count once, then answer from memory', async () => {
    const totals = totalsWith(60_000);
    const count = jest.fn().mockResolvedValue(7);
    expect(await totals.get({}, count)).toBe(7);
    expect(await totals.get({}, count)).toBe(7);
    expect(count).toHaveBeenCalledTimes(1);
  });

  it('should share one count between concurrent first readers', async () => {
    const totals = totalsWith(60_000);
    const count = jest.fn().mockResolvedValue(3);
    expect(await Promise.all([totals.get({}, count), totals.get({}, count)])).toEqual([3, 3]);
    expect(count).toHaveBeenCalledTimes(1);
  });

  it('should apply its own writes to the filters they match', async () => {
    const totals = totalsWith(60_000);
    const count = (n: number) => () => Promise.resolve(n);
    await totals.get({}, count(10));
    await totals.get({ status: 'open' }, count(4));
    await totals.get({ status: 'resolved' }, count(6));
    await totals.get({ createdBy: 2 }, count(1));
    totals.added(ticket());
    const resolved = ticket({ status: 'resolved' });
    totals.changed(ticket(), resolved);
    const never = () => Promise.reject(new Error('should not count'));
    expect(await totals.get({}, never)).toBe(11);
    expect(await totals.get({ status: 'open' }, never)).toBe(4);
    expect(await totals.get({ status: 'resolved' }, never)).toBe(7);
    expect(await totals.get({ createdBy: 2 }, never)).toBe(1);
  });

  it('should forget a count that was in flight during a write', async () => {
    const totals = totalsWith(60_000);
    let release: (n: number) => void = () => {};
    const first = totals.get({}, () => new Promise<number>((resolve) => (release = resolve)));
    totals.added(ticket());
    release(5);
    expect(await first).toBe(5);
    expect(await totals.get({}, () => Promise.resolve(6))).toBe(6);
  });

  it('should serve the last count while recounting in the background once it is old', async () => {
    const totals = totalsWith(10);
    await totals.get({}, () => Promise.resolve(1));
    await sleep(20);
    const recount = jest.fn().mockResolvedValue(2);
    expect(await totals.get({}, recount)).toBe(1);
    expect(recount).toHaveBeenCalledTimes(1);
    expect(await totals.get({}, recount)).toBe(2);
  });

  it('should never recount on SQLite, where every write is its own', async () => {
    const totals = totalsWith(10, 'sqlite');
    await totals.get({}, () => Promise.resolve(1));
    totals.added(ticket());
    await sleep(20);
    const recount = jest.fn().mockResolvedValue(5);
    expect(await totals.get({}, recount)).toBe(2);
    expect(recount).not.toHaveBeenCalled();
  });

  it('should count every time when the cache is off, on SQLite too', async () => {
    const totals = totalsWith(0, 'sqlite');
    const count = jest.fn().mockResolvedValue(1);
    await totals.get({}, count);
    await totals.get({}, count);
    expect(count).toHaveBeenCalledTimes(2);
  });

  it('should count every time when the cache is off', async () => {
    const totals = totalsWith(0);
    const count = jest.fn().mockResolvedValue(1);
    await totals.get({}, count);
    await totals.get({}, count);
    expect(count).toHaveBeenCalledTimes(2);
  });

  it('should not keep a failed first count', async () => {
    const totals = totalsWith(60_000);
    await expect(totals.get({}, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await totals.get({}, () => Promise.resolve(4))).toBe(4);
  });
});
