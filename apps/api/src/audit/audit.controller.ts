import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { AuditService } from './audit.service';
import { AuditPageDto, AuditVerifyDto } from './dto/audit-entry.dto';
import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail of admin actions, newest first (admin)' })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: ListAuditQuery): Promise<AuditPageDto> {
    return this.audit.list(query);
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Check the hash chain of the audit trail (admin)',
    description:
      'Recomputes every entry’s SHA-256 over its predecessor’s hash and its own content; an ' +
      'entry edited or removed in the database breaks the chain at `first_bad_id`.',
  })
  @ApiOkResponse({ type: AuditVerifyDto })
  verify(): Promise<AuditVerifyDto> {
    return this.audit.verify();
  }
}
