import { CUSTOMER_TYPES, ISSUE_TYPES, PRIORITY_LEVELS, type PriorityLevel } from '@app/priority';
import type { LabelledText, LevelLabel } from '@app/learning';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type Repository, type SelectQueryBuilder } from 'typeorm';

import type { AppConfig } from '../config';
import { TicketEvent } from '../ticket-events/ticket-event.entity';
import { Ticket } from '../tickets/ticket.entity';

const DONE = ['resolved', 'closed'];
/** An agent corrected the facts (issue type, impact, customer type). */
const RETRIAGED = 'retriaged';
const OVERRIDDEN = 'priority_overridden';
const OVERRIDE_CLEARED = 'override_cleared';
const CHUNK = 500;

const isLevel = (value: unknown): value is PriorityLevel =>
  PRIORITY_LEVELS.includes(value as PriorityLevel);

function parse(data: string): Record<string, unknown> {
  try {
    return JSON.parse(data) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** A ticket's level label from its history: the latest override still in force, else retriage. */
function levelFromEvents(
  events: readonly TicketEvent[],
): { level: PriorityLevel; at: Date } | null {
  let override: { level: PriorityLevel; at: Date } | null = null;
  let retriage: { level: PriorityLevel; at: Date } | null = null;
  for (const event of events) {
    const data = parse(event.data);
    if (event.type === (OVERRIDDEN as string) && isLevel(data.to)) {
      override = { level: data.to, at: event.createdAt };
    } else if (event.type === (OVERRIDE_CLEARED as string)) {
      override = null;
    } else if (event.type === (RETRIAGED as string) && isLevel(data.level_to)) {
      retriage = { level: data.level_to, at: event.createdAt };
    }
  }
  return override ?? retriage;
}

/**
 * Reads the labels agents gave (docs/learning.md): a ticket's issue type is labelled once an
 * agent re-triaged it or resolved it without correcting it; its level is labelled by an
 * override (a correction), a re-triage, or a resolution untouched (a confirmation).
 */
@Injectable()
export class LearningLabels {
  private readonly maxExamples: number;

  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>,
    config: ConfigService<AppConfig, true>,
  ) {
    this.maxExamples = config.get('learning', { infer: true }).maxExamples;
  }

  /** Tickets done, or with one of `types` in their history. */
  private labelled(types: string[]): SelectQueryBuilder<Ticket> {
    return this.tickets
      .createQueryBuilder('t')
      .where(
        new Brackets((q) =>
          q
            .where('t.status IN (:...done)', { done: DONE })
            .orWhere(
              'EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.type IN (:...types))',
              { types },
            ),
        ),
      );
  }

  private withText(query: SelectQueryBuilder<Ticket>): SelectQueryBuilder<Ticket> {
    return query.andWhere('(t.title IS NOT NULL OR t.description IS NOT NULL)');
  }

  /** Tickets with text whose issue type an agent set or confirmed. */
  countTextLabels(): Promise<number> {
    return this.withText(this.labelled([RETRIAGED])).getCount();
  }

  /** The newest of them (at most LEARNING_MAX_EXAMPLES), labelled with their issue type. */
  async textLabels(): Promise<LabelledText[]> {
    const rows = await this.withText(this.labelled([RETRIAGED]))
      .select(['t.id', 't.title', 't.description', 't.issueType'])
      .orderBy('t.id', 'DESC')
      .limit(this.maxExamples)
      .getMany();
    return rows
      .filter((t) => ISSUE_TYPES.includes(t.issueType))
      .map((t) => ({ title: t.title, description: t.description ?? '', label: t.issueType }));
  }

  /** The newest level labels (at most LEARNING_MAX_EXAMPLES), with the facts and age they had. */
  async levelLabels(): Promise<LevelLabel[]> {
    const types = [OVERRIDDEN, OVERRIDE_CLEARED, RETRIAGED];
    const tickets = await this.labelled(types)
      .select(['t.id', 't.issueType', 't.customerType', 't.impact', 't.status'])
      .addSelect(['t.priorityLevel', 't.createdAt', 't.scoredAt'])
      .orderBy('t.id', 'DESC')
      .limit(this.maxExamples)
      .getMany();
    const history = await this.historyOf(
      tickets.map((t) => t.id),
      types,
    );
    return tickets.flatMap((ticket) => {
      const fromEvents = levelFromEvents(history.get(ticket.id) ?? []);
      const label =
        fromEvents ??
        (DONE.includes(ticket.status)
          ? { level: ticket.priorityLevel, at: ticket.scoredAt }
          : null);
      if (!label || !isLevel(label.level)) return [];
      if (
        !ISSUE_TYPES.includes(ticket.issueType) ||
        !CUSTOMER_TYPES.includes(ticket.customerType)
      ) {
        return [];
      }
      return [
        {
          issueType: ticket.issueType,
          customerType: ticket.customerType,
          impact: ticket.impact,
          ageMs: label.at.getTime() - ticket.createdAt.getTime(),
          level: label.level,
        },
      ];
    });
  }

  private async historyOf(ids: number[], types: string[]): Promise<Map<number, TicketEvent[]>> {
    const byTicket = new Map<number, TicketEvent[]>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.events.find({
        select: { id: true, ticketId: true, type: true, data: true, createdAt: true },
        where: { ticketId: In(ids.slice(i, i + CHUNK)), type: In(types as TicketEvent['type'][]) },
        order: { id: 'ASC' },
      });
      for (const row of rows) {
        const list = byTicket.get(row.ticketId) ?? [];
        list.push(row);
        byTicket.set(row.ticketId, list);
      }
    }
    return byTicket;
  }
}
