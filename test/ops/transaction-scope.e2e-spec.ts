import { randomUUID } from 'node:crypto';

import { IdempotencyKey } from '../../apps/api/src/idempotency/idempotency-key.entity';
import { inTransaction } from '../../apps/api/src/idempotency/transaction-scope';
import { startTestApp, type TestApp } from '../helpers/test-app';

const mysqlOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/**
 * The idempotency guarantee on MySQL rests on this: a repository injected anywhere writes
 * through the open transaction of `inTransaction`, so the ticket and its key commit together.
 */
mysqlOnly('transaction scope (mysql)', () => {
  let testApp: TestApp;

  const row = (keyHash: string) => ({
    userId: 1,
    keyHash,
    requestHash: 'r',
    statusCode: 201,
    responseBody: '{}',
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + 60_000),
  });
  const visibleOutside = async (keyHash: string) =>
    (await testApp.dataSource.getRepository(IdempotencyKey).countBy({ keyHash })) === 1;

  beforeAll(async () => {
    testApp = await startTestApp({ database: 'mysql' });
  });

  afterAll(() => testApp.close());

  it('should route repository writes through the transaction and roll them back together', async () => {
    const keyHash = randomUUID();
    const failing = inTransaction(testApp.dataSource, async () => {
      await testApp.dataSource.getRepository(IdempotencyKey).insert(row(keyHash));
      expect(await visibleOutside(keyHash)).toBe(true); // same connection: sees its own write
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await visibleOutside(keyHash)).toBe(false);
  });

  it('should commit what the work wrote', async () => {
    const keyHash = randomUUID();
    await inTransaction(testApp.dataSource, async () => {
      await testApp.dataSource.getRepository(IdempotencyKey).insert(row(keyHash));
    });
    expect(await visibleOutside(keyHash)).toBe(true);
  });

  it('should keep other requests on their own connections, blind to uncommitted writes', async () => {
    const keyHash = randomUUID();
    let inserted!: () => void;
    let finish!: () => void;
    const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
    const finishSignal = new Promise<void>((resolve) => (finish = resolve));
    const transaction = inTransaction(testApp.dataSource, async () => {
      await testApp.dataSource.getRepository(IdempotencyKey).insert(row(keyHash));
      inserted();
      await finishSignal;
    });
    await insertedSignal;
    expect(await visibleOutside(keyHash)).toBe(false); // called outside the scope
    finish();
    await transaction;
    expect(await visibleOutside(keyHash)).toBe(true);
  });
});
