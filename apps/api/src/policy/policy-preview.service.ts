import {
  previewPolicy,
  type CustomerType,
  type IssueType,
  type PreviewSide,
  type PreviewTicket,
  type PriorityLevel,
  type PriorityWeights,
} from '@app/priority';
import { compileSlaPolicy, isSlaBreached, type SlaFacts, type SlaPolicy } from '@app/sla';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { Clock } from '../common/clock';
import { parsePauses } from '../sla/sla.service';
import { ACTIVE_STATUSES } from '../tickets/ticket.entity';
import { ActivePolicy } from './active-policy';
import { PolicyPreviewDto } from './dto/policy-preview.dto';
import type { PreviewPolicyDto } from './dto/update-policy.dto';
import { assertValidCandidate } from './policy-problems';

type PreviewRow = PreviewTicket & { sla: Omit<SlaFacts, 'level'> };

/** A DATETIME as the drivers return it: mysql2 a Date (UTC), better-sqlite3 UTC text. */
type SqlInstant = Date | string;

interface ActiveRow {
  id: number | string;
  title: string | null;
  issue_type: IssueType;
  customer_type: CustomerType;
  impact: number | string;
  created_at: SqlInstant;
  priority_override_level: PriorityLevel | null;
  first_response_at: SqlInstant | null;
  first_resolved_at: SqlInstant | null;
  sla_pauses: string | null;
}

/**
 * Only the columns the what-if reads, as plain rows: hydrating 100,000 Ticket entities (and
 * their JSON) took longer than all the scoring.
 */
const ACTIVE_ROWS =
  'SELECT id, title, issue_type, customer_type, impact, created_at, priority_override_level, ' +
  'first_response_at, first_resolved_at, sla_pauses FROM tickets ' +
  `WHERE status IN (${ACTIVE_STATUSES.map((status) => `'${status}'`).join(', ')})`;

const toMs = (value: SqlInstant): number =>
  value instanceof Date ? value.getTime() : Date.parse(`${value.replace(' ', 'T')}Z`);

/**
 * The what-if: the active tickets scored under the policy in force and under a candidate, at the
 * same instant, compared by libs/priority previewPolicy. Reads only; nothing is written.
 */
@Injectable()
export class PolicyPreviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly active: ActivePolicy,
    private readonly clock: Clock,
  ) {}

  async preview(dto: PreviewPolicyDto): Promise<PolicyPreviewDto> {
    assertValidCandidate(dto);
    const now = this.clock.now();
    const { weights, sla } = this.active.policy;
    const rows = await this.activeTickets();
    const breachedNow = breachedUnder(sla, now);
    // The same SLA policy on both sides: previewPolicy then asks once per ticket whose level stays.
    const breachedThen = dto.sla ? breachedUnder(dto.sla, now) : breachedNow;
    const before: PreviewSide = { weights, breached: breachedNow };
    const after: PreviewSide = { weights: dto.weights ?? weights, breached: breachedThen };
    return PolicyPreviewDto.from(previewPolicy(rows, before, after, now));
  }

  /** The what-if of weights alone (POST /admin/policy/learn's `preview`). */
  previewWeights(weights: PriorityWeights): Promise<PolicyPreviewDto> {
    return this.preview({ weights });
  }

  private async activeTickets(): Promise<PreviewRow[]> {
    const rows: ActiveRow[] = await this.dataSource.query(ACTIVE_ROWS);
    const tickets = new Array<PreviewRow>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const createdAt = toMs(row.created_at);
      tickets[i] = {
        id: Number(row.id),
        title: row.title,
        facts: {
          issueType: row.issue_type,
          customerType: row.customer_type,
          impact: Number(row.impact),
          createdAt: new Date(createdAt),
        },
        overrideLevel: row.priority_override_level,
        sla: {
          createdAt,
          firstResponseAt: row.first_response_at === null ? null : toMs(row.first_response_at),
          firstResolvedAt: row.first_resolved_at === null ? null : toMs(row.first_resolved_at),
          pauses: parsePauses(row.sla_pauses),
        },
      };
    }
    return tickets;
  }
}

function breachedUnder(policy: SlaPolicy, now: Date): PreviewSide['breached'] {
  const compiled = compileSlaPolicy(policy);
  const at = now.getTime();
  return (ticket, level) => isSlaBreached((ticket as PreviewRow).sla, level, compiled, at);
}
