import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

const scope = new AsyncLocalStorage<QueryRunner>();
const installed = new WeakSet<DataSource>();

/**
 * Makes every repository call made inside `inTransaction` (in any service, through its
 * injected repository) run on that transaction's connection. TypeORM asks
 * `dataSource.createQueryRunner()` whenever no runner is given; inside a scope it gets the
 * scope's runner, whose `release()` is left to the scope.
 */
export function installTransactionScope(dataSource: DataSource): void {
  if (installed.has(dataSource)) return;
  installed.add(dataSource);
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => scope.getStore() ?? create(mode);
}

function keepOpen(runner: QueryRunner): QueryRunner {
  const noRelease = async () => {};
  return new Proxy(runner, {
    get: (target, property) =>
      property === 'release' ? noRelease : Reflect.get(target, property, target),
  });
}

/** Runs `work` in one transaction: everything it writes commits together or not at all. */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.startTransaction();
    const shared = keepOpen(runner);
    const result = await scope.run(shared, () => work(shared));
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}
