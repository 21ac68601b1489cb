import { Injectable, Logger, StreamableFile } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { In, type Repository } from 'typeorm';

import type { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { Organization } from '../organizations/organization.entity';
import { SlaService } from '../sla/sla.service';
import { Ticket } from '../tickets/ticket.entity';
import { andSearch, queueFilter, toWhere } from '../tickets/ticket-filters';
import type { CountFilter } from '../tickets/ticket-totals';
import { User } from '../users/user.entity';
import type { ExportTicketsQuery } from './dto/export-tickets.query';
import { CSV_HEADER, ticketCsvRow, type ExportRow } from './ticket-csv';

/** Rows per query: one keyset step on the primary key; memory holds one batch at a time. */
export const EXPORT_BATCH = 1_000;

interface ExportRequest {
  filter: CountFilter;
  /** Usernames by user id, learnt batch by batch (staff and reporters are few next to rows). */
  people: Map<number, string>;
  /** Organisation names by id, learnt the same way. */
  organizations: Map<number, string>;
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
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
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
    const request = {
      filter: queueFilter(query, viewer),
      people: new Map<number, string>(),
      organizations: new Map<number, string>(),
      query,
      now,
      batchSize,
    };
    let head = CSV_HEADER;
    for (let after = 0; ;) {
      const rows = await this.batch(request, after);
      yield head + rows.map((row) => ticketCsvRow(row, this.sla.view(row.ticket, now))).join('');
      head = '';
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1].ticket.id;
    }
  }

  /**
   * One batch, without joins: hydrating joined rows costs more than the query. Usernames come
   * from `people`, read once per export for the few ids a batch names that it does not know.
   */
  private async batch(request: ExportRequest, after: number): Promise<ExportRow[]> {
    const select = this.tickets
      .createQueryBuilder('t')
      .where(toWhere(request.filter))
      .andWhere('t.id > :after', { after })
      .orderBy('t.id', 'ASC')
      .limit(request.batchSize);
    const rows = await andSearch(select, { ...request.query, now: request.now }).getMany();
    await this.learnNames(request.people, rows);
    await this.learnOrganizations(request.organizations, rows);
    return rows.map((ticket) => ({
      ticket,
      creator: request.people.get(ticket.createdBy),
      assignee: ticket.assigneeId === null ? undefined : request.people.get(ticket.assigneeId),
      organization:
        ticket.organizationId === null
          ? undefined
          : request.organizations.get(ticket.organizationId),
    }));
  }

  private async learnNames(people: Map<number, string>, rows: Ticket[]): Promise<void> {
    const ids = new Set<number>();
    for (const row of rows) {
      if (!people.has(row.createdBy)) ids.add(row.createdBy);
      if (row.assigneeId !== null && !people.has(row.assigneeId)) ids.add(row.assigneeId);
    }
    if (ids.size === 0) return;
    const users = await this.users.find({
      where: { id: In([...ids]) },
      select: { id: true, username: true },
    });
    for (const user of users) people.set(user.id, user.username);
  }

  private async learnOrganizations(names: Map<number, string>, rows: Ticket[]): Promise<void> {
    const ids = new Set<number>();
    for (const { organizationId } of rows) {
      if (organizationId !== null && !names.has(organizationId)) ids.add(organizationId);
    }
    if (ids.size === 0) return;
    const found = await this.organizations.find({
      where: { id: In([...ids]) },
      select: { id: true, name: true },
    });
    for (const organization of found) names.set(organization.id, organization.name);
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
