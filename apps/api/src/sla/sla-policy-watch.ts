import { createHash } from 'node:crypto';

import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/unique-violation';
import { sqlDateTime } from '../tickets/ticket-rows';
import { SlaService } from './sla.service';

const SETTING = 'sla_policy';

/**
 * A new SLA policy (another `SLA_POLICY_FILE`) changes the targets of every ticket. Responses
 * follow at once (they are computed at read); the stored columns and due events follow once the
 * SLA job has looked at each active ticket again, so at the first start with a new policy every
 * active ticket is made due. Several instances starting together do the same idempotent update.
 */
@Injectable()
export class SlaPolicyWatch implements OnApplicationBootstrap {
  private readonly logger = new Logger(SlaPolicyWatch.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sla: SlaService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(this.sla.policy.policy))
      .digest('hex');
    const rows: { value: string }[] = await this.dataSource.query(
      'SELECT value FROM app_settings WHERE name = ?',
      [SETTING],
    );
    if (rows[0]?.value === fingerprint) return;
    const now = sqlDateTime(this.clock.now());
    // created_at: due at once whatever the clock says, and the oldest are checked first.
    const changed = await this.dataSource.query(
      'UPDATE tickets SET sla_next_check_at = created_at ' +
        "WHERE status IN ('open', 'in_progress', 'pending')",
    );
    if (rows.length > 0) {
      await this.dataSource.query(
        'UPDATE app_settings SET value = ?, updated_at = ? WHERE name = ?',
        [fingerprint, now, SETTING],
      );
      this.logger.log(`New SLA policy: active tickets are checked again (${affected(changed)})`);
      return;
    }
    await this.dataSource
      .query('INSERT INTO app_settings (name, value, updated_at) VALUES (?, ?, ?)', [
        SETTING,
        fingerprint,
        now,
      ])
      .catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error; // another instance recorded it first
      });
  }
}

const affected = (result: unknown) =>
  typeof result === 'object' && result !== null && 'affectedRows' in result
    ? `${String(result.affectedRows)} tickets`
    : 'all active tickets';
