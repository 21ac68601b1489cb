import { PriorityService } from '@app/priority';
import { Injectable, type OnModuleInit } from '@nestjs/common';

import { SlaService } from '../sla/sla.service';
import { PolicyStore, type StoredPolicy } from './policy-store';

/**
 * The policy version in force on this instance. It starts with the newest version in the
 * database and follows newer ones (`refresh`, every POLICY_REFRESH_MS, and at once on the
 * instance that activated one): scoring (PriorityService) and the SLA clocks (SlaService) switch
 * together. The weights of every version stay known, so a ticket's breakdown is always derived
 * with the weights that scored it.
 */
@Injectable()
export class ActivePolicy implements OnModuleInit {
  private current!: StoredPolicy;
  private newestKnown = 0;

  constructor(
    private readonly store: PolicyStore,
    private readonly priority: PriorityService,
    private readonly sla: SlaService,
  ) {}

  async onModuleInit(): Promise<void> {
    const active = await this.store.atStart();
    this.learn(await this.store.since(0));
    this.apply(active);
  }

  get policy(): StoredPolicy {
    return this.current;
  }

  get version(): number {
    return this.current.version;
  }

  /** Takes up every version written since the last look; true when the one in force changed. */
  async refresh(): Promise<boolean> {
    const newer = await this.store.since(this.newestKnown);
    if (newer.length === 0) return false;
    this.learn(newer);
    this.apply(newer[newer.length - 1]);
    return true;
  }

  /** Makes sure the weights of `versions` are known here (a ticket scored by a newer one). */
  async know(versions: Iterable<number>): Promise<void> {
    for (const version of versions) {
      if (!this.priority.weightsOf(version)) {
        await this.refresh();
        return;
      }
    }
  }

  private learn(versions: StoredPolicy[]): void {
    for (const policy of versions) {
      this.priority.remember(policy.version, policy.weights);
      this.newestKnown = Math.max(this.newestKnown, policy.version);
    }
  }

  private apply(policy: StoredPolicy): void {
    if (this.current?.version === policy.version) return;
    this.priority.use(policy.version, policy.weights);
    this.sla.use(policy.sla);
    this.current = policy;
  }
}
