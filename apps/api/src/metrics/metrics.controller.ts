import { Controller, Get, Header, Headers, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NoRateLimit } from '../security/rate-limit.decorators';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Registry } from 'prom-client';

import { Public } from '../common/public.decorator';
import type { AppConfig } from '../config';
import { MetricsRegistry } from './metrics.registry';

const digest = (value: string) => createHash('sha256').update(value).digest();

@ApiTags('operations')
@Public()
@NoRateLimit()
@Controller('metrics')
export class MetricsController {
  private readonly tokenDigest: Buffer | undefined;

  constructor(
    private readonly metrics: MetricsRegistry,
    config: ConfigService<AppConfig, true>,
  ) {
    const token = config.get('ops', { infer: true }).metricsToken;
    this.tokenDigest = token ? digest(token) : undefined;
  }

  @Get()
  @Header('cache-control', 'no-store')
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  @ApiOperation({
    summary: 'Prometheus metrics; needs `Authorization: Bearer <METRICS_TOKEN>` when it is set',
  })
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    this.authorize(authorization);
    return this.metrics.render();
  }

  private authorize(authorization: string | undefined): void {
    if (!this.tokenDigest) return;
    const offered = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(offered), this.tokenDigest)) {
      throw new UnauthorizedException('A valid metrics token is required.');
    }
  }
}
