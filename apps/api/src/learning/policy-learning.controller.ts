import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { LearnedWeightsDto } from './dto/learned-weights.dto';
import { PolicyLearningService } from './policy-learning.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/policy')
export class PolicyLearningController {
  constructor(private readonly learning: PolicyLearningService) {}

  @Post('learn')
  @HttpCode(HttpStatus.OK)
  @Roles('admin')
  @ApiOperation({
    summary: "Propose weights that agree best with the agents' corrections (admin)",
    description:
      'Fits integer weights (0–10, monotone) to overrides, re-triaged and resolved tickets on 80 % of the labels and measures agreement on the other 20 %. Nothing is written or activated.',
  })
  @ApiOkResponse({ type: LearnedWeightsDto })
  @ApiProblems(401, 403, 409)
  learn(): Promise<LearnedWeightsDto> {
    return this.learning.learn();
  }
}
