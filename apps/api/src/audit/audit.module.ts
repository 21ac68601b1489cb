import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditController } from './audit.controller';
import { AuditEntry, AuditHead } from './audit-entry.entity';
import { AuditService } from './audit.service';

/** The append-only, hash-chained trail of admin actions; other features call `record`. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, AuditHead])],
  controllers: [AuditController],
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
