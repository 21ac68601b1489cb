import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { AgentsQuery } from './dto/agents.query';
import { AgentsReportDto, SummaryDto } from './dto/summary.dto';
import { SummaryQuery } from './dto/summary.query';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('agent', 'admin')
@ApiProblems(400, 401, 403)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @ApiOperation({ summary: 'Created, resolved, backlog, escalations and SLA per day or week' })
  @ApiOkResponse({ type: () => SummaryDto })
  summary(@Query() query: SummaryQuery): Promise<SummaryDto> {
    return this.reports.summary(query);
  }

  @Get('agents')
  @ApiOperation({
    summary: 'Per agent: tickets of the range assigned, resolved, answered; open now',
  })
  @ApiOkResponse({ type: () => AgentsReportDto })
  agents(@Query() query: AgentsQuery): Promise<AgentsReportDto> {
    return this.reports.agents(query);
  }
}
