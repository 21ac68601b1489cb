import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { IdParam } from '../common/canonical-int';
import { AgentsService } from './agents.service';
import { AgentDto } from './dto/agent.dto';
import { UpdateAgentDto } from './dto/update-agent.dto';

@ApiTags('agents')
@ApiBearerAuth()
@ApiProblems(401, 403, 429)
@Roles('agent', 'admin')
@Controller('agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get()
  @ApiOperation({ summary: 'Every active agent and admin, with availability, capacity and load' })
  @ApiOkResponse({ type: AgentDto, isArray: true })
  list(): Promise<AgentDto[]> {
    return this.agents.list();
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Set availability (agents: their own) or capacity (admins: anyone)',
  })
  @ApiOkResponse({ type: () => AgentDto })
  @ApiProblems(400, 404)
  update(
    @IdParam() id: number,
    @Body() dto: UpdateAgentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AgentDto> {
    return this.agents.update(id, dto, user);
  }
}
