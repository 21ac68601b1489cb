import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as bcrypt from 'bcrypt';

import type { AppConfig } from '../config';
import { UsersService } from '../users/users.service';

/**
 * Creates the first administrator from ADMIN_USERNAME / ADMIN_PASSWORD when that account does
 * not exist. An existing account is never promoted: whoever registered the name first must not
 * become admin by the operator's later configuration.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    private readonly users: UsersService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.get('security', { infer: true }).admin;
    if (!admin) return;
    const existing = await this.users.findWithPasswordHash(admin.username);
    if (existing) {
      if (existing.role !== 'admin') {
        this.logger.warn(
          `ADMIN_USERNAME ${admin.username} belongs to an existing ${existing.role}; it was not promoted.`,
        );
      }
      return;
    }
    const cost = this.config.get('auth', { infer: true }).bcryptCost;
    const hash = await bcrypt.hash(admin.password, cost);
    try {
      await this.users.create(admin.username, hash, 'admin');
      this.logger.log(`Created the administrator ${admin.username}.`);
    } catch {
      // Another instance created it at the same moment: nothing left to do.
      this.logger.log(`The administrator ${admin.username} already exists.`);
    }
  }
}
