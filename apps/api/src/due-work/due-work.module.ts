import { Global, Module } from '@nestjs/common';

import { DueWorkRunner } from './due-work.runner';

/** Global: every feature with due work registers its job with the one runner. */
@Global()
@Module({ providers: [DueWorkRunner], exports: [DueWorkRunner] })
export class DueWorkModule {}
