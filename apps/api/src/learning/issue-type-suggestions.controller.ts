import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ApiProblems } from '../common/api-problems.decorator';
import { IssueTypeSuggestionDto } from './dto/issue-type-suggestion.dto';
import { SuggestIssueTypeDto } from './dto/suggest-issue-type.dto';
import { IssueTypeSuggestionsService } from './issue-type-suggestions.service';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class IssueTypeSuggestionsController {
  constructor(private readonly suggestions: IssueTypeSuggestionsService) {}

  @Post('suggest')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Suggest an issue type for a ticket's text, with its confidence and the terms behind it",
    description:
      'Any signed-in user. Uses the newest model trained from tickets agents labelled; 404 ("no model yet") below 200 labelled tickets. Never creates or changes a ticket.',
  })
  @ApiOkResponse({ type: IssueTypeSuggestionDto })
  @ApiProblems(400, 401, 404)
  suggest(@Body() dto: SuggestIssueTypeDto): Promise<IssueTypeSuggestionDto> {
    return this.suggestions.suggest(dto);
  }
}
