import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { TicketDto } from '../tickets/dto/ticket.dto';
import { ClaimService } from './claim.service';
import { ClaimTicketDto } from './dto/claim-ticket.dto';

@ApiTags('tickets')
@ApiBearerAuth()
@ApiProblems(401, 403, 429)
@Controller('tickets')
export class ClaimController {
  constructor(private readonly claims: ClaimService) {}

  @Post('claim')
  @Roles('agent', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Claim the top open, unassigned ticket: it becomes yours and in_progress',
  })
  @ApiOkResponse({ type: TicketDto, description: 'The ticket, now yours and in_progress' })
  @ApiNoContentResponse({ description: 'Nothing open and unassigned matches' })
  @ApiProblems(400)
  async claim(
    @Body() dto: ClaimTicketDto,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketDto | undefined> {
    const ticket = await this.claims.claimNext(dto, user);
    if (!ticket) reply.status(204);
    return ticket ?? undefined;
  }
}
