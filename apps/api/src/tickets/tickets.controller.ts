import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { TicketEventDto } from '../ticket-events/dto/ticket-event.dto';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { ImportTicketsDto, type ImportRequest } from './dto/import-tickets.dto';
import { ListTicketsQuery } from './dto/list-tickets.query';
import { CreatedTicketDto, ImportResultDto, TicketDto, TicketPageDto } from './dto/ticket.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { ImportBodyPipe } from './import-body.pipe';
import { TicketImportService } from './ticket-import.service';
import { TicketLifecycleService } from './ticket-lifecycle.service';
import { TicketQueueService } from './ticket-queue.service';
import { TicketsService } from './tickets.service';

@ApiTags('tickets')
@ApiBearerAuth()
@ApiProblems(401)
@Controller('tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly queue: TicketQueueService,
    private readonly lifecycle: TicketLifecycleService,
    private readonly importer: TicketImportService,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create a ticket; the answer carries its priority score and level' })
  @ApiProblems(400)
  create(@Body() dto: CreateTicketDto, @CurrentUser() user: AuthUser): Promise<CreatedTicketDto> {
    return this.tickets.create(dto, user);
  }

  @Post('import')
  @Roles('admin')
  @ApiOperation({
    summary: 'Import up to 1,000 historical tickets in one transaction, scored as of now (admin)',
  })
  @ApiBody({ type: ImportTicketsDto })
  @ApiProblems(400, 403)
  import(
    @Body(ImportBodyPipe) request: ImportRequest,
    @CurrentUser() user: AuthUser,
  ): Promise<ImportResultDto> {
    return this.importer.import(request, user);
  }

  @Get()
  @ApiOperation({
    summary: 'List tickets (reporters: their own), in priority-queue order by default',
  })
  @ApiProblems(400)
  list(@Query() query: ListTicketsQuery, @CurrentUser() user: AuthUser): Promise<TicketPageDto> {
    return this.queue.list(query, user);
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

  @Patch(':id')
  @Roles('agent', 'admin')
  @ApiOperation({
    summary:
      'Change status, assignee, priority override and the triage facts together (agents and admins)',
  })
  @ApiProblems(400, 403, 404, 409)
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateTicketDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketDto> {
    return this.lifecycle.update(id, dto, user);
  }

  @Get(':id/events')
  @ApiOperation({ summary: "A ticket's history: creation, level rises by aging, status changes" })
  @ApiProblems(400, 404)
  events(
    @Param('id', ParseIntPipe) id: number,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketEventDto[]> {
    return this.tickets.history(id, user);
  }
}
