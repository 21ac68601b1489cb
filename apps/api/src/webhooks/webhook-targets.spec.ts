import type { LookupAddress } from 'node:dns';

import { RefusedTargetError, checkTarget, guardedLookup } from './webhook-targets';

type Answer = { error: Error | null; address: string | LookupAddress[]; family?: number };

const lookupWith = (allowPrivate: boolean, host: string, all: boolean) =>
  new Promise<Answer>((resolve) =>
    guardedLookup(allowPrivate)(host, { all }, (error, address, family) =>
      resolve({ error, address, family }),
    ),
  );

describe('guardedLookup', () => {
  it('should refuse the connection when the name resolves to loopback', async () => {
    for (const all of [true, false]) {
      const answer = await lookupWith(false, 'localhost', all);
      expect(answer.error).toBeInstanceOf(RefusedTargetError);
    }
  });

  it('should hand over the checked addresses when private targets are allowed', async () => {
    const single = await lookupWith(true, 'localhost', false);
    expect(single.error).toBeNull();
    expect(['127.0.0.1', '::1']).toContain(single.address);
    const many = await lookupWith(true, 'localhost', true);
    expect(Array.isArray(many.address) && many.address.length > 0).toBe(true);
  });
});

describe('checkTarget', () => {
  it('should refuse loopback names and literals, and allow them when told to', async () => {
    await expect(checkTarget(new URL('http://localhost/'), false)).rejects.toThrow(
      RefusedTargetError,
    );
    await expect(checkTarget(new URL('http://[::1]/'), false)).rejects.toThrow(/loopback/);
    await expect(checkTarget(new URL('http://127.0.0.1/'), true)).resolves.toBeUndefined();
    await expect(checkTarget(new URL('http://8.8.8.8/'), false)).resolves.toBeUndefined();
  });

  it('should refuse a name that does not resolve', async () => {
    await expect(checkTarget(new URL('http://no-such-host.invalid/'), false)).rejects.toThrow(
      /does not resolve/,
    );
  });
});
