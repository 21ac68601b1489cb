import { Injectable, Logger, StreamableFile } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import type { Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { SlaService } from '../sla/sla.service';
import { Ticket } from '../tickets/ticket.entity';
import { andSearch, queueFilter, toWhere } from '../tickets/ticket-filters';
import type { CountFilter } from '../tickets/ticket-totals';
import { withPeople } from '../tickets/tickets.service';
import type { ExportTicketsQuery } from './dto/export-tickets.query';
import { CSV_HEADER, ticketCsvRow } from './ticket-csv';

/** Rows per query: one keyset step on the primary key; memory holds one batch at a time. */
export const EXPORT_BATCH = 1_000;

interface ExportRequest {
  filter: CountFilter;
  query: ExportTicketsQuery;
  now: Date;
  batchSize: number;
}

/**
 * `GET /tickets/export.csv`: the queue's filters, every matching ticket in id order, streamed.
 * Each batch is read only when the client has taken the previous one (the stream's
 * backpressure), so a million rows never sit in memory together.
 */
@Injectable()
export class TicketExportService {
  private readonly logger = new Logger(TicketExportService.name);

  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly sla: SlaService,
    private readonly clock: Clock,
  ) {}

  /** The error's name only: a database error's message may carry SQL. */
  private readonly logStop = (error: Error) =>
    this.logger.error(`CSV export stopped: ${error.name}`);

  async csv(query: ExportTicketsQuery, viewer: AuthUser): Promise<StreamableFile> {
    const now = this.clock.now();
    const chunks = this.chunks(query, viewer, EXPORT_BATCH, now);
    // The first batch is read before answering, so a failing database is a 500 problem, not a
    // 200 that stops short.
    const first = await chunks.next();
    const stream = Readable.from(prepend(first, chunks), { objectMode: false });
    const day = now.toISOString().slice(0, 10);
    return new StreamableFile(stream, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="tickets-${day}.csv"`,
    })
      .setErrorLogger(this.logStop)
      .setErrorHandler((error, response) => {
        // Headers are sent: all that is left is to cut the response, so the file is visibly
        // incomplete rather than silently short.
        this.logStop(error);
        if (response.destroy) response.destroy();
        else response.end();
      });
  }

  /**
   * The header with the first batch, then one chunk of CSV records per batch. Lazy: a batch
   * is read only when the previous chunk has been taken.
   */
  async *chunks(
    query: ExportTicketsQuery,
    viewer: AuthUser,
    batchSize: number,
    now = this.clock.now(),
  ): AsyncGenerator<string, void, undefined> {
    const request = { filter: queueFilter(query, viewer), query, now, batchSize };
    let head = CSV_HEADER;
    for (let after = 0; ;) {
      const rows = await this.batch(request, after);
      yield head + rows.map((ticket) => ticketCsvRow(ticket, this.sla.view(ticket, now))).join('');
      head = '';
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].id;
    }
  }

  private batch(request: ExportRequest, after: number): Promise<Ticket[]> {
    const select = withPeople(this.tickets.createQueryBuilder('t'))
      .leftJoin('t.creator', 'creator')
      .addSelect(['creator.id', 'creator.username'])
      .where(toWhere(request.filter))
      .andWhere('t.id > :after', { after })
      .orderBy('t.id', 'ASC')
      .limit(request.batchSize);
    return andSearch(select, { ...request.query, now: request.now }).getMany();
  }
}

async function* prepend<T>(
  first: IteratorResult<T, void>,
  rest: AsyncGenerator<T, void, undefined>,
): AsyncGenerator<T, void, undefined> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}
