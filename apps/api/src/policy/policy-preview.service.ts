import {
  previewPolicy,
  type PreviewSide,
  type PreviewTicket,
  type PriorityLevel,
  type PriorityWeights,
} from '@app/priority';
import { compileSlaPolicy, evaluateSla, type SlaFacts, type SlaPolicy } from '@app/sla';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';

import { Clock } from '../common/clock';
import { SlaService } from '../sla/sla.service';
import { ACTIVE_STATUSES, Ticket } from '../tickets/ticket.entity';
import { factsOf } from '../tickets/ticket-scoring';
import { ActivePolicy } from './active-policy';
import { PolicyPreviewDto } from './dto/policy-preview.dto';
import type { PreviewPolicyDto } from './dto/update-policy.dto';
import { assertValidCandidate } from './policy-problems';

type PreviewRow = PreviewTicket & { sla: Omit<SlaFacts, 'level'> };

/**
 * The what-if: the active tickets scored under the policy in force and under a candidate, at the
 * same instant, compared by libs/priority previewPolicy. Reads only; nothing is written.
 */
@Injectable()
export class PolicyPreviewService {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly active: ActivePolicy,
    private readonly sla: SlaService,
    private readonly clock: Clock,
  ) {}

  async preview(dto: PreviewPolicyDto): Promise<PolicyPreviewDto> {
    assertValidCandidate(dto);
    const now = this.clock.now();
    const { weights, sla } = this.active.policy;
    const rows = await this.activeTickets();
    const before = side(weights, sla, now);
    const after = side(dto.weights ?? weights, dto.sla ?? sla, now);
    return PolicyPreviewDto.from(previewPolicy(rows, before, after, now));
  }

  /** The what-if of weights alone (POST /admin/policy/learn's `preview`). */
  previewWeights(weights: PriorityWeights): Promise<PolicyPreviewDto> {
    return this.preview({ weights });
  }

  private async activeTickets(): Promise<PreviewRow[]> {
    const rows = await this.tickets.find({
      select: {
        id: true,
        title: true,
        issueType: true,
        customerType: true,
        impact: true,
        createdAt: true,
        priorityOverrideLevel: true,
        firstResponseAt: true,
        firstResolvedAt: true,
        slaPauses: true,
        priorityLevel: true,
      },
      where: { status: In([...ACTIVE_STATUSES]) },
    });
    return rows.map((ticket) => {
      const { level: _level, ...sla } = this.sla.factsOf(ticket);
      void _level;
      return {
        id: ticket.id,
        title: ticket.title,
        facts: factsOf(ticket),
        overrideLevel: ticket.priorityOverrideLevel,
        sla,
      };
    });
  }
}

function side(weights: PriorityWeights, policy: SlaPolicy, now: Date): PreviewSide {
  const compiled = compileSlaPolicy(policy);
  return {
    weights,
    breached: (ticket, level: PriorityLevel) => {
      const facts = { ...(ticket as PreviewRow).sla, level };
      const state = evaluateSla(facts, compiled, now.getTime());
      return state.first_response.breached || state.resolution.breached;
    },
  };
}
