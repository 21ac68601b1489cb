import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { ListTicketsQuery } from './dto/list-tickets.query';
import { CreatedTicketDto, TicketDto, TicketPageDto } from './dto/ticket.dto';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create a ticket; the answer carries its priority score and level' })
  @ApiProblems(400)
  create(@Body() dto: CreateTicketDto, @CurrentUser() user: AuthUser): Promise<CreatedTicketDto> {
    return this.tickets.create(dto, user);
  }

  @Get()
  @ApiOperation({
    summary: 'List tickets (reporters: their own), in priority-queue order by default',
  })
  @ApiProblems(400)
  list(@Query() query: ListTicketsQuery, @CurrentUser() user: AuthUser): Promise<TicketPageDto> {
    return this.tickets.list(query, user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One ticket, with the breakdown of its score' })
  @ApiProblems(400, 404)
  findOne(
    @Param('id', ParseIntPipe) id: number,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketDto> {
    return this.tickets.findOne(id, user);
  }
}
