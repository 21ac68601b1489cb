import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { CommentsService } from './comments.service';
import { CommentDto, CommentPageDto } from './dto/comment.dto';
import { CreateCommentDto } from './dto/create-comment.dto';
import { ListCommentsQuery } from './dto/list-comments.query';

@ApiTags('comments')
@ApiBearerAuth()
@ApiProblems(401, 429)
@Controller('tickets/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post()
  @ApiOperation({
    summary: 'Reply on a ticket, or (agents and admins) leave an internal note',
  })
  @ApiProblems(400, 404)
  create(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: CreateCommentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CommentDto> {
    return this.comments.create(id, dto, user);
  }

  @Get()
  @ApiOperation({ summary: "A ticket's comments, oldest first (reporters: no internal notes)" })
  @ApiProblems(400, 404)
  list(
    @Param('id', ParseIntPipe) id: number,
    @Query() query: ListCommentsQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<CommentPageDto> {
    return this.comments.list(id, query, user);
  }
}
