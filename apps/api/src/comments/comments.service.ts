import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, type EntityManager, type Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { ValidationFailedException } from '../common/validation';
import { Transactions } from '../database/transactions';
import { TicketMetrics } from '../metrics/ticket-metrics';
import { TicketEventsService } from '../ticket-events/ticket-events.service';
import { slaStatusFacts } from '../sla/sla-status';
import { SlaService } from '../sla/sla.service';
import { Ticket } from '../tickets/ticket.entity';
import { TicketTotals } from '../tickets/ticket-totals';
import { TicketsService } from '../tickets/tickets.service';
import { CommentDto, type CommentPageDto } from './dto/comment.dto';
import type { CreateCommentDto } from './dto/create-comment.dto';
import type { ListCommentsQuery } from './dto/list-comments.query';
import { TicketComment } from './ticket-comment.entity';

const INVALID_CURSOR = 'The cursor is not valid; start again without one.';

/** Replies and internal notes on a ticket; the first public reply by staff is its first response. */
@Injectable()
export class CommentsService {
  constructor(
    @InjectRepository(TicketComment) private readonly comments: Repository<TicketComment>,
    private readonly tickets: TicketsService,
    private readonly transactions: Transactions,
    private readonly events: TicketEventsService,
    private readonly clock: Clock,
    private readonly sla: SlaService,
    private readonly metrics: TicketMetrics,
    private readonly totals: TicketTotals,
  ) {}

  async create(ticketId: number, dto: CreateCommentDto, author: AuthUser): Promise<CommentDto> {
    const ticket = await this.tickets.findVisible(ticketId, author);
    const internal = dto.internal ?? false;
    if (internal && author.role === 'reporter') {
      throw new ValidationFailedException([
        { field: 'internal', messages: ['internal notes are for agents and admins only'] },
      ]);
    }
    const now = this.clock.now();
    const comment = this.comments.create({
      ticketId,
      authorId: author.id,
      body: dto.body,
      internal,
      createdAt: now,
    });
    let answered = false;
    let reopened = false;
    await this.transactions.run(async (manager) => {
      const result = await manager.insert(TicketComment, comment);
      comment.id = Number(result.identifiers[0].id);
      if (!internal && author.role !== 'reporter') {
        answered = await this.firstResponse(manager, ticket, now);
      }
      // The customer answered: the ticket's reporter (staff-created tickets have none to wait on).
      const replied =
        !internal &&
        ticket.status === 'pending' &&
        author.role === 'reporter' &&
        ticket.createdBy === author.id;
      if (replied) reopened = await this.customerReplied(manager, ticket, author, now);
      await this.events.record(manager, [
        {
          ticketId,
          type: 'commented',
          actor: author,
          at: now,
          data: { comment_id: comment.id, internal },
        },
      ]);
    });
    if (answered) this.metrics.firstResponse(ticket.priorityLevel, ticket.createdAt, now);
    // The queue's cached counts follow the committed move from pending to open.
    if (reopened) this.totals.changed(ticket, { ...ticket, status: 'open' });
    return CommentDto.from(comment, author);
  }

  async list(
    ticketId: number,
    query: ListCommentsQuery,
    viewer: AuthUser,
  ): Promise<CommentPageDto> {
    await this.tickets.findVisible(ticketId, viewer);
    const afterId = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
    const rows = await this.comments.find({
      where: {
        ticketId,
        id: MoreThan(afterId),
        ...(viewer.role === 'reporter' ? { internal: false } : {}),
      },
      relations: { author: true },
      order: { id: 'ASC' },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      comments: page.map((row) => CommentDto.from(row, row.author!)),
      next_cursor: rows.length > query.limit && last ? encodeCursor(last.id) : null,
    };
  }

  /**
   * The customer answered while the team waited on them: the ticket is open again (the
   * resolution clock runs again), recorded with the reporter as the actor.
   */
  private async customerReplied(
    manager: EntityManager,
    ticket: Ticket,
    author: AuthUser,
    now: Date,
  ): Promise<boolean> {
    const changes: Partial<Ticket> = { status: 'open', updatedAt: now };
    Object.assign(changes, slaStatusFacts(ticket, 'open', now));
    Object.assign(changes, this.sla.columns({ ...ticket, ...changes }, now));
    const result = await manager.update(Ticket, { id: ticket.id, status: 'pending' }, changes);
    if (!result.affected) return false; // an agent moved it meanwhile
    await this.events.record(manager, [
      {
        ticketId: ticket.id,
        type: 'status_changed',
        actor: author,
        at: now,
        data: { from: 'pending', to: 'open' },
      },
    ]);
    return true;
  }

  /**
   * Set once: the conditional update leaves an earlier first response alone. True when this
   * comment is the first response.
   */
  private async firstResponse(manager: EntityManager, ticket: Ticket, now: Date) {
    if (ticket.firstResponseAt !== null) return false;
    const answered = { ...ticket, firstResponseAt: now };
    const result = await manager.update(
      Ticket,
      { id: ticket.id, firstResponseAt: IsNull() },
      { firstResponseAt: now, ...this.sla.columns(answered, now) },
    );
    ticket.firstResponseAt = now;
    return Boolean(result.affected);
  }
}

const encodeCursor = (id: number) => Buffer.from(`c${id}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = /^c(\d{1,15})$/.exec(text)?.[1];
  if (id === undefined) throw new BadRequestException(INVALID_CURSOR);
  return Number(id);
}
