import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '../audit/audit.module';
import { CustomerTiers } from './customer-tiers';
import { Organization } from './organization.entity';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsService } from './organizations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization]), AuditModule],
  controllers: [OrganizationsController],
  providers: [OrganizationsService, CustomerTiers],
  exports: [OrganizationsService, CustomerTiers],
})
export class OrganizationsModule {}
