import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ActivePolicy } from './active-policy';
import { PolicyStore } from './policy-store';
import { PolicyVersion } from './policy-version.entity';

/**
 * The policy in force, for every feature that scores tickets or reads SLA targets. Global, and
 * imported by the PriorityModule's weights factory, whose value is the version in force at start.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PolicyVersion])],
  providers: [PolicyStore, ActivePolicy],
  exports: [PolicyStore, ActivePolicy],
})
export class PolicyCoreModule {}
