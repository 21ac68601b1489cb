import { Inject, Injectable } from '@nestjs/common';

import { PRIORITY_WEIGHTS } from './priority.constants';
import { scoreTicket, type PriorityResult, type TicketFacts } from './score';
import type { PriorityWeights } from './weights';

/** Thin injectable wrapper over the pure scoring core, bound to the configured weights. */
@Injectable()
export class PriorityService {
  constructor(@Inject(PRIORITY_WEIGHTS) readonly weights: PriorityWeights) {}

  score(facts: TicketFacts, now: Date): PriorityResult {
    return scoreTicket(facts, now, this.weights);
  }
}
