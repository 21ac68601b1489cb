import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import type { AppConfig } from '../config';
import { AgingService } from './aging.service';

/** Runs a re-score pass every `AGING_INTERVAL_MS`; one pass at a time; stops with the app. */
@Injectable()
export class AgingScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AgingScheduler.name);
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly aging: AgingService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.intervalMs = config.get('queue', { infer: true }).agingIntervalMs;
  }

  onApplicationBootstrap(): void {
    if (this.intervalMs === 0) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    // The timer alone never keeps the process alive.
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.aging
      .rescoreDue()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.error(
          `Re-scoring failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => (this.running = undefined));
  }
}
