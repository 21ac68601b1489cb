import {
  checkSlaEvents,
  compileSlaPolicy,
  evaluateSla,
  FAR_FUTURE,
  summarizeSla,
  type CompiledSlaPolicy,
  type MetricState,
  type PauseInterval,
  type SlaFacts,
  type SlaPolicy,
  type SlaState,
} from '@app/sla';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { AppConfig } from '../config';
import type { Ticket, TicketStatus } from '../tickets/ticket.entity';
import type { SlaMetricDto, TicketSlaDto } from './dto/ticket-sla.dto';

/** The SLA columns a ticket stores (docs/sla.md), all derived from its facts. */
export type SlaColumns = Pick<
  Ticket,
  'slaDueKey' | 'slaBreachAt' | 'slaRiskFrom' | 'slaRiskUntil' | 'slaNextCheckAt'
>;

export type SlaTicket = Pick<
  Ticket,
  | 'createdAt'
  | 'firstResponseAt'
  | 'firstResolvedAt'
  | 'slaPauses'
  | 'priorityLevel'
  | 'slaFlags'
  | 'status'
>;

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));
/** "Never" as a DATETIME both engines store: 9999-12-31 23:59:59.999. */
export const NEVER = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));
const toIso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function parsePauses(json: string | null): PauseInterval[] {
  if (!json) return [];
  return (JSON.parse(json) as [number, number | null][]).map(([from, to]) => ({ from, to }));
}

export const serializePauses = (pauses: PauseInterval[]): string | null =>
  pauses.length === 0 ? null : JSON.stringify(pauses.map((p) => [p.from, p.to]));

/**
 * At risk as the `sla=at_risk` filter reads it, per metric: unmet, past its warning, not breached,
 * on a ticket with work left (resolved and closed tickets are never at risk).
 */
function metricDto(metric: MetricState, now: number, active: boolean): SlaMetricDto {
  const warned = metric.warnAt !== null && metric.warnAt <= now;
  return {
    target_minutes: metric.targetMinutes,
    due_at: toIso(metric.dueAt),
    met_at: toIso(metric.metAt),
    breached: metric.breached,
    at_risk: active && metric.metAt === null && !metric.breached && warned,
    remaining_minutes: metric.remainingMinutes,
  };
}

/** The app's view of libs/sla: the policy in force, applied to ticket rows. */
@Injectable()
export class SlaService {
  /** The policy in force: the configured one until the active policy version is applied. */
  policy: CompiledSlaPolicy;

  constructor(config: ConfigService<AppConfig, true>) {
    this.policy = compileSlaPolicy(config.get('sla', { infer: true }).policy);
  }

  /** Puts `policy` in force (a newly activated policy version). */
  use(policy: SlaPolicy): void {
    this.policy = compileSlaPolicy(policy);
  }

  factsOf(ticket: SlaTicket): SlaFacts {
    return {
      createdAt: ticket.createdAt.getTime(),
      firstResponseAt: ticket.firstResponseAt?.getTime() ?? null,
      firstResolvedAt: ticket.firstResolvedAt?.getTime() ?? null,
      pauses: parsePauses(ticket.slaPauses),
      level: ticket.priorityLevel,
    };
  }

  state(ticket: SlaTicket, now: Date): SlaState {
    return evaluateSla(this.factsOf(ticket), this.policy, now.getTime());
  }

  view(ticket: SlaTicket, now: Date): TicketSlaDto {
    const state = this.state(ticket, now);
    const active = ticket.status !== 'resolved' && ticket.status !== 'closed';
    return {
      level: state.level,
      paused: state.paused,
      first_response: metricDto(state.first_response, now.getTime(), active),
      resolution: metricDto(state.resolution, now.getTime(), active),
    };
  }

  /**
   * The stored columns after a change of the ticket's facts. When an event is due at once (a
   * ticket raised to a level whose target has passed), the next check is now.
   */
  columns(ticket: SlaTicket, now: Date): SlaColumns {
    const state = this.state(ticket, now);
    const check = checkSlaEvents(state, now.getTime(), ticket.slaFlags ?? 0);
    const next = check.events.length > 0 ? now.getTime() : check.nextCheckAt;
    return { ...summaryColumns(state, ticket.status), slaNextCheckAt: toDate(next) };
  }
}

/**
 * Resolved and closed tickets keep their breach instant (a breach stays a breach) but are never
 * at risk and sort last by due instant: nothing is left to do on them.
 */
export function summaryColumns(
  state: SlaState,
  status: TicketStatus,
): Omit<SlaColumns, 'slaNextCheckAt'> {
  const summary = summarizeSla(state);
  if (status === 'resolved' || status === 'closed') {
    const breachAt = toDate(summary.breachAt);
    return { slaDueKey: FAR_FUTURE, slaBreachAt: breachAt, slaRiskFrom: null, slaRiskUntil: null };
  }
  return {
    slaDueKey: summary.dueAt ?? FAR_FUTURE,
    slaBreachAt: toDate(summary.breachAt),
    slaRiskFrom: toDate(summary.riskFrom),
    slaRiskUntil: summary.riskUntil === FAR_FUTURE ? NEVER : toDate(summary.riskUntil),
  };
}
