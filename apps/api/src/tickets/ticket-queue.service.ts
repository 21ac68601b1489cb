import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import type { ListTicketsQuery, TicketSort } from './dto/list-tickets.query';
import type { TicketPageDto } from './dto/ticket.dto';
import { Ticket } from './ticket.entity';
import { decodeCursor, encodeCursor, type CursorPosition } from './ticket-cursor';
import { TicketTotals, type CountFilter } from './ticket-totals';
import { TicketsService, visibleTo, withPeople } from './tickets.service';

interface SortOrder {
  column: 'queueKey' | 'createdAt';
  direction: 'ASC' | 'DESC';
}

/**
 * Each order is one sort column plus the id, in one direction, so an index on
 * (filter column, sort column, id) serves it as a single forward (or backward) range scan.
 */
const ORDERS: Record<TicketSort, SortOrder> = {
  priority: { column: 'queueKey', direction: 'ASC' },
  created_at: { column: 'createdAt', direction: 'ASC' },
  '-created_at': { column: 'createdAt', direction: 'DESC' },
};

/** The queue: page-number and cursor (keyset) pagination over the orders above. */
@Injectable()
export class TicketQueueService {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly ticketsService: TicketsService,
    private readonly totals: TicketTotals,
  ) {}

  async list(query: ListTicketsQuery, viewer: AuthUser): Promise<TicketPageDto> {
    if (query.cursor !== undefined && query.page !== 1) {
      throw new BadRequestException('Use either page or cursor, not both.');
    }
    const where = this.filters(query, viewer);
    const order = ORDERS[query.sort];
    const select = this.tickets
      .createQueryBuilder('t')
      .where(where)
      .orderBy(`t.${order.column}`, order.direction)
      .addOrderBy('t.id', order.direction)
      // One extra row tells whether a next page exists without another query.
      .limit(query.limit + 1);
    const offset = (query.page - 1) * query.limit;
    if (query.cursor !== undefined) {
      this.after(select, decodeCursor(query.cursor, query.sort), order);
    }
    const rows =
      offset > 0
        ? this.deepPage(select.offset(offset))
        : withPeople(select.addSelect('t.queueKey')).getMany();
    const [tickets, total] = await Promise.all([rows, this.total(where)]);
    const page = tickets.slice(0, query.limit);
    const last = page.at(-1);
    return {
      tickets: page.map((ticket) => this.ticketsService.toDto(ticket, viewer)),
      page: query.page,
      limit: query.limit,
      total,
      next_cursor:
        tickets.length > query.limit && last ? encodeCursor(positionOf(last, query.sort)) : null,
    };
  }

  /**
   * A page far down by number: skip rows on the index alone (ids only), then read the few rows
   * kept. Asked for whole rows at OFFSET 99,990, MySQL prefers a full scan and a filesort (4 s at
   * a million tickets); the ids-first form walks the covering index (about 50 ms).
   */
  private async deepPage(select: SelectQueryBuilder<Ticket>): Promise<Ticket[]> {
    const ids = (await select.select('t.id', 'id').getRawMany<{ id: number }>()).map((r) =>
      Number(r.id),
    );
    if (ids.length === 0) return [];
    const rows = await withPeople(this.tickets.createQueryBuilder('t').addSelect('t.queueKey'))
      .where('t.id IN (:...ids)', { ids })
      .getMany();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private filters(query: ListTicketsQuery, viewer: AuthUser): CountFilter {
    const where: CountFilter = visibleTo(viewer);
    if (query.status) where.status = query.status;
    if (query.priority_level) where.priorityLevel = query.priority_level;
    if (query.issue_type) where.issueType = query.issue_type;
    if (query.customer_type) where.customerType = query.customer_type;
    return where;
  }

  /**
   * Rows strictly after the cursor. The leading `>=` on the sort column is what the index
   * seeks on; the OR only sorts out the few rows sharing the cursor's key.
   */
  private after(select: SelectQueryBuilder<Ticket>, at: CursorPosition, order: SortOrder) {
    const [cmp, strict] = order.direction === 'ASC' ? ['>=', '>'] : ['<=', '<'];
    const col = `t.${order.column}`;
    const key = order.column === 'createdAt' ? new Date(at.key) : at.key;
    select.andWhere(
      `${col} ${cmp} :cursorKey AND (${col} ${strict} :cursorKey OR t.id ${strict} :cursorId)`,
      {
        cursorKey: key,
        cursorId: at.id,
      },
    );
  }

  private total(where: CountFilter): Promise<number> {
    return this.totals.get(where, async () => {
      const row = await this.tickets
        .createQueryBuilder('t')
        .select('COUNT(*)', 'n')
        .where(where)
        .getRawOne<{ n: string | number }>();
      return Number(row?.n ?? 0);
    });
  }
}

function positionOf(ticket: Ticket, sort: TicketSort): CursorPosition {
  const key = sort === 'priority' ? Number(ticket.queueKey) : ticket.createdAt.getTime();
  return { sort, key, id: ticket.id };
}
