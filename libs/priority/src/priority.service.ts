import { Inject, Injectable } from '@nestjs/common';

import { PRIORITY_WEIGHTS } from './priority.constants';
import { scoreTicket, type PriorityResult, type TicketFacts } from './score';
import { assertValidWeights, type PriorityWeights } from './weights';

/**
 * Thin injectable wrapper over the pure scoring core, bound to the weights in force. It starts
 * with `PRIORITY_WEIGHTS` (version 1 until told otherwise); the application's policy feature
 * switches it to each newly activated version (`use`) and teaches it the weights of earlier
 * versions, so a ticket's breakdown can always be derived with the weights that scored it.
 */
@Injectable()
export class PriorityService {
  private active: { version: number; weights: PriorityWeights };
  private readonly versions = new Map<number, PriorityWeights>();

  constructor(@Inject(PRIORITY_WEIGHTS) weights: PriorityWeights) {
    this.active = { version: 1, weights };
    this.versions.set(1, weights);
  }

  /** The weights in force. */
  get weights(): PriorityWeights {
    return this.active.weights;
  }

  /** The policy version the weights in force belong to. */
  get version(): number {
    return this.active.version;
  }

  /** Puts `weights` (validated) in force as `version`. */
  use(version: number, weights: PriorityWeights): void {
    this.remember(version, weights);
    this.active = { version, weights: this.versions.get(version)! };
  }

  /** Remembers the weights of a version (versions never change once written). */
  remember(version: number, weights: PriorityWeights): void {
    this.versions.set(version, assertValidWeights(weights));
  }

  /** The weights of `version`, if this instance knows it. */
  weightsOf(version: number): PriorityWeights | undefined {
    return this.versions.get(version);
  }

  score(facts: TicketFacts, now: Date, weights = this.weights): PriorityResult {
    return scoreTicket(facts, now, weights);
  }

  /** The score under the weights of `version` (those in force when it is unknown here). */
  scoreAs(version: number, facts: TicketFacts, now: Date): PriorityResult {
    return scoreTicket(facts, now, this.weightsOf(version) ?? this.weights);
  }
}
