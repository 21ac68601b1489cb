import { Global, Module } from '@nestjs/common';

import { Transactions } from './transactions';

/**
 * One `Transactions` for the whole app: on SQLite its queue is what keeps transactions from
 * nesting, so every feature must share the same instance.
 */
@Global()
@Module({ providers: [Transactions], exports: [Transactions] })
export class DatabaseModule {}
