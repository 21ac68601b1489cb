import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

import { Public } from '../common/public.decorator';
import { NoRateLimit } from '../security/rate-limit.decorators';
import { DrainState } from '../lifecycle/drain-state';
import { LivenessDto, ReadinessDto } from './dto/health.dto';

const READINESS_TIMEOUT_MS = 1_500;

@ApiTags('health')
@Public()
@NoRateLimit()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly drain: DrainState,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers (no dependencies checked)' })
  @ApiOkResponse({ type: LivenessDto })
  check(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependencies checked)' })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: the database answers a ping; 503 otherwise' })
  @ApiOkResponse({ type: ReadinessDto })
  ready() {
    if (this.drain.draining) throw new ServiceUnavailableException('The service is shutting down.');
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: READINESS_TIMEOUT_MS }),
    ]);
  }
}
