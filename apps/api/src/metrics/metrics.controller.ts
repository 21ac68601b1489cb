import {
  Controller,
  createParamDecorator,
  Get,
  Header,
  UnauthorizedException,
  type ExecutionContext,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Registry } from 'prom-client';

import { ApiProblems } from '../common/api-problems.decorator';
import { Public } from '../common/public.decorator';
import type { AppConfig } from '../config';
import { METRICS_SECURITY } from '../openapi/openapi-document';
import { NoRateLimit } from '../security/rate-limit.decorators';
import { MetricsRegistry } from './metrics.registry';

/**
 * The raw `Authorization` header. Not `@Headers()`, which would document a header parameter named
 * `authorization` that OpenAPI tools ignore: the document declares the `metricsToken` scheme.
 */
const AuthorizationHeader = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<FastifyRequest>().headers.authorization,
);

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
  // Either the metrics token, or nothing when the deployment sets none.
  @ApiSecurity(METRICS_SECURITY)
  @ApiSecurity({})
  @ApiProduces(Registry.PROMETHEUS_CONTENT_TYPE)
  @ApiOkResponse({
    description: 'The Prometheus text exposition format',
    content: {
      [Registry.PROMETHEUS_CONTENT_TYPE]: {
        schema: { type: 'string', example: '# TYPE tps_build_info gauge\n' },
      },
    },
  })
  @ApiProblems(401)
  async scrape(@AuthorizationHeader() authorization?: string): Promise<string> {
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
