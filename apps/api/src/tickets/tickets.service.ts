import { PriorityService, type TicketFacts } from '@app/priority';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FindOptionsOrder, FindOptionsWhere, Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { TicketMetrics } from '../metrics/ticket-metrics';
import type { CreateTicketDto } from './dto/create-ticket.dto';
import type { ListTicketsQuery, TicketSort } from './dto/list-tickets.query';
import { TicketDto, type CreatedTicketDto, type TicketPageDto } from './dto/ticket.dto';
import { Ticket } from './ticket.entity';

const ORDERS: Record<TicketSort, FindOptionsOrder<Ticket>> = {
  priority: { priorityScore: 'DESC', createdAt: 'ASC', id: 'ASC' },
  created_at: { createdAt: 'ASC', id: 'ASC' },
  '-created_at': { createdAt: 'DESC', id: 'DESC' },
};

const factsOf = (ticket: Ticket): TicketFacts => ({
  issueType: ticket.issueType,
  customerType: ticket.customerType,
  impact: ticket.impact,
  createdAt: ticket.createdAt,
});

@Injectable()
export class TicketsService {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly priority: PriorityService,
    private readonly clock: Clock,
    private readonly metrics: TicketMetrics,
  ) {}

  async create(dto: CreateTicketDto, author: AuthUser): Promise<CreatedTicketDto> {
    const now = this.clock.now();
    const ticket = this.tickets.create({
      issueType: dto.issue_type,
      impact: dto.impact,
      customerType: dto.customer_type,
      title: dto.title ?? null,
      description: dto.description ?? null,
      status: 'open',
      createdBy: author.id,
      createdAt: now,
      updatedAt: now,
      scoredAt: now,
    });
    const priority = this.priority.score(factsOf(ticket), now);
    ticket.priorityScore = priority.score;
    ticket.priorityLevel = priority.level;
    // insert() skips save()'s transaction and reload; the generated id is written back to `ticket`.
    await this.tickets.insert(ticket);
    this.metrics.created(priority.level);
    return { ...TicketDto.from(ticket, priority), score: priority.score, level: priority.level };
  }

  async list(query: ListTicketsQuery, viewer: AuthUser): Promise<TicketPageDto> {
    const where = this.visibleTo(viewer);
    if (query.status) where.status = query.status;
    if (query.priority_level) where.priorityLevel = query.priority_level;
    if (query.issue_type) where.issueType = query.issue_type;
    if (query.customer_type) where.customerType = query.customer_type;
    const [rows, total] = await this.tickets.findAndCount({
      where,
      order: ORDERS[query.sort],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
    });
    return {
      tickets: rows.map((ticket) => this.toDto(ticket)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  /** Someone else's ticket is "not found" to a reporter, so ids reveal nothing. */
  async findOne(id: number, viewer: AuthUser): Promise<TicketDto> {
    const ticket = await this.tickets.findOneBy({ ...this.visibleTo(viewer), id });
    if (!ticket) throw new NotFoundException(`Ticket ${id} was not found.`);
    return this.toDto(ticket);
  }

  /** Reporters see their own tickets; agents and admins work the whole queue. */
  private visibleTo(viewer: AuthUser): FindOptionsWhere<Ticket> {
    return viewer.role === 'reporter' ? { createdBy: viewer.id } : {};
  }

  /** The breakdown is derived for the instant the stored score was computed, so they agree. */
  private toDto(ticket: Ticket): TicketDto {
    return TicketDto.from(ticket, this.priority.score(factsOf(ticket), ticket.scoredAt));
  }
}
