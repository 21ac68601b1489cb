import { ApiProperty } from '@nestjs/swagger';

import type { Role } from '../../users/user.entity';
import type { TicketComment } from '../ticket-comment.entity';

export class CommentAuthorDto {
  /** @example 3 */
  @ApiProperty({ type: 'integer' })
  id: number;
  /** @example "alice" */
  username: string;
  /** @example "agent" */
  role: Role;
}

export class CommentDto {
  /** @example 12 */
  @ApiProperty({ type: 'integer' })
  id: number;
  /** @example 42 */
  @ApiProperty({ type: 'integer' })
  ticket_id: number;
  author: CommentAuthorDto;
  /** @example "We have rolled back the release; payments work again." */
  body: string;
  /** True for a note only agents and admins see. */
  internal: boolean;
  /** @example "2026-01-01T12:00:00.000Z" */
  created_at: string;

  static from(comment: TicketComment, author: CommentAuthorDto): CommentDto {
    return {
      id: comment.id,
      ticket_id: comment.ticketId,
      author: { id: author.id, username: author.username, role: author.role },
      body: comment.body,
      internal: comment.internal,
      created_at: comment.createdAt.toISOString(),
    };
  }
}

export class CommentPageDto {
  /** Oldest first. */
  comments: CommentDto[];
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
}
