import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import type { SlaFilter } from '../sla/sla-filters';
import type { ListTicketsQuery, TicketSort } from './dto/list-tickets.query';
import type { TicketPageDto } from './dto/ticket.dto';
import { Ticket, type TicketStatus } from './ticket.entity';
import { decodeCursor, encodeCursor, type CursorPosition } from './ticket-cursor';
import { andSearch, queueFilter, toWhere } from './ticket-filters';
import { TicketTotals, type CountFilter } from './ticket-totals';
import { TicketsService, withPeople } from './tickets.service';

interface SortOrder {
  column: 'queueKey' | 'createdAt' | 'slaDueKey';
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
  sla_due: { column: 'slaDueKey', direction: 'ASC' },
};

/** One page's query: the filters, the text search, and where it starts. */
interface PageRequest {
  filter: CountFilter;
  q?: string;
  order: SortOrder;
  cursor?: CursorPosition;
  limit: number;
  /** `sla=`, compared with the stored SLA instants at `now` (docs/sla.md). */
  sla?: SlaFilter;
  now: Date;
}

/** The queue: page-number and cursor (keyset) pagination over the orders above. */
@Injectable()
export class TicketQueueService {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly ticketsService: TicketsService,
    private readonly totals: TicketTotals,
    private readonly clock: Clock,
  ) {}

  async list(query: ListTicketsQuery, viewer: AuthUser): Promise<TicketPageDto> {
    if (query.cursor !== undefined && query.page !== 1) {
      throw new BadRequestException('Use either page or cursor, not both.');
    }
    const request: PageRequest = {
      filter: queueFilter(query, viewer),
      q: query.q,
      order: ORDERS[query.sort],
      cursor: query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.sort),
      // One extra row tells whether a next page exists without another query.
      limit: query.limit + 1,
      sla: query.sla,
      now: this.clock.now(),
    };
    const offset = (query.page - 1) * query.limit;
    const statuses = request.filter.status;
    const rows =
      offset === 0 && Array.isArray(statuses)
        ? this.mergedPage(request, statuses)
        : this.page(request, offset);
    const [tickets, total] = await Promise.all([rows, this.total(request)]);
    const page = tickets.slice(0, query.limit);
    const last = page.at(-1);
    return {
      tickets: await this.ticketsService.toDtos(page, viewer, request.now),
      page: query.page,
      limit: query.limit,
      total,
      next_cursor:
        tickets.length > query.limit && last ? encodeCursor(positionOf(last, query.sort)) : null,
    };
  }

  private select(request: PageRequest): SelectQueryBuilder<Ticket> {
    const { order } = request;
    const select = this.tickets
      .createQueryBuilder('t')
      .where(toWhere(request.filter))
      .orderBy(`t.${order.column}`, order.direction)
      .addOrderBy('t.id', order.direction)
      .limit(request.limit);
    andSearch(select, request);
    if (request.cursor) this.after(select, request.cursor, order);
    return select;
  }

  private page(request: PageRequest, offset: number): Promise<Ticket[]> {
    const select = this.select(request);
    if (offset > 0) return this.deepPage(select.offset(offset));
    return withPeople(select.addSelect('t.queueKey')).getMany();
  }

  /**
   * Several statuses: one indexed range per status, each read only as far as the page needs,
   * merged here. `status IN (…) ORDER BY queue_key` would make both engines sort every match.
   */
  private async mergedPage(request: PageRequest, statuses: TicketStatus[]): Promise<Ticket[]> {
    const parts = await Promise.all(
      statuses.map((status) => this.page({ ...request, filter: { ...request.filter, status } }, 0)),
    );
    const direction = request.order.direction === 'ASC' ? 1 : -1;
    const key = (t: Ticket) => sortKey(t, request.order.column);
    return parts
      .flat()
      .sort((a, b) => direction * (key(a) - key(b) || a.id - b.id))
      .slice(0, request.limit);
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

  /**
   * Text searches are counted each time: no index narrows them, and few repeat exactly. SLA
   * states change with time alone, so their counts are never cached either.
   */
  private total(request: PageRequest): Promise<number> {
    const { filter, q, sla } = request;
    const count = async () => {
      const select = this.tickets
        .createQueryBuilder('t')
        .select('COUNT(*)', 'n')
        .where(toWhere(filter));
      andSearch(select, request);
      const row = await select.getRawOne<{ n: string | number }>();
      return Number(row?.n ?? 0);
    };
    return q === undefined && sla === undefined ? this.totals.get(filter, count) : count();
  }
}

function sortKey(ticket: Ticket, column: SortOrder['column']): number {
  if (column === 'queueKey') return Number(ticket.queueKey);
  if (column === 'slaDueKey') return Number(ticket.slaDueKey);
  return ticket.createdAt.getTime();
}

function positionOf(ticket: Ticket, sort: TicketSort): CursorPosition {
  return { sort, key: sortKey(ticket, ORDERS[sort].column), id: ticket.id };
}
