import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { IdParam } from '../common/canonical-int';
import { PageQuery } from '../common/page.query';
import { PolicyPreviewDto } from './dto/policy-preview.dto';
import { ActivePolicyDto, PolicyVersionDto, PolicyVersionPageDto } from './dto/policy-version.dto';
import { ActivatePolicyDto, PreviewPolicyDto, UpdatePolicyDto } from './dto/update-policy.dto';
import { PolicyPreviewService } from './policy-preview.service';
import { PolicyService } from './policy.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/policy')
export class PolicyController {
  constructor(
    private readonly policy: PolicyService,
    private readonly previews: PolicyPreviewService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The policy version in force, with the re-score it started while that runs (admin)',
  })
  @ApiOkResponse({ type: ActivePolicyDto })
  current(): Promise<ActivePolicyDto> {
    return this.policy.current();
  }

  @Put()
  @ApiOperation({
    summary: 'Save weights and SLA policy as a new version and put it in force (admin)',
    description:
      'Validated like the files at start-up (a 400 lists every problem). The active tickets are then re-scored in the background; other instances follow within 10 s.',
  })
  @ApiOkResponse({ type: ActivePolicyDto })
  @ApiProblems(409)
  update(@Body() dto: UpdatePolicyDto, @CurrentUser() admin: AuthUser): Promise<ActivePolicyDto> {
    return this.policy.update(dto, admin);
  }

  @Get('versions')
  @ApiOperation({ summary: 'Every policy version, newest first (admin)' })
  @ApiOkResponse({ type: PolicyVersionPageDto })
  list(@Query() query: PageQuery): Promise<PolicyVersionPageDto> {
    return this.policy.list(query);
  }

  @Get('versions/:version')
  @ApiOperation({ summary: 'One policy version (admin)' })
  @ApiOkResponse({ type: PolicyVersionDto })
  @ApiProblems(404)
  get(@IdParam('version') version: number): Promise<PolicyVersionDto> {
    return this.policy.get(version);
  }

  @Post('versions/:version/activate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Bring an earlier version back, as a new version (admin)',
    description: 'History is never rewritten: the content of `version` is saved as version n + 1.',
  })
  @ApiOkResponse({ type: ActivePolicyDto })
  @ApiProblems(404, 409)
  activate(
    @IdParam('version') version: number,
    @Body() dto: ActivatePolicyDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<ActivePolicyDto> {
    return this.policy.activate(version, dto, admin);
  }

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'What a candidate policy would do to the active tickets; writes nothing (admin)',
    description: "Weights or SLA policy left out are the active version's.",
  })
  @ApiOkResponse({ type: PolicyPreviewDto })
  preview(@Body() dto: PreviewPolicyDto): Promise<PolicyPreviewDto> {
    return this.previews.preview(dto);
  }
}
