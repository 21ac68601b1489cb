import { ApiProperty } from '@nestjs/swagger';

import { ApiInteger, ApiTimestamp } from '../../common/api-fields';
import type { AuditEntry } from '../audit-entry.entity';

export class AuditActorDto {
  @ApiInteger({ example: 1 })
  id: number;

  @ApiProperty({ example: 'root.admin' })
  username: string;
}

const STATE = {
  type: 'object',
  additionalProperties: true,
  nullable: true,
} as const;

/** One admin action as the trail shows it: never a password, hash or token. */
export class AuditEntryDto {
  @ApiInteger({ example: 12 })
  id: number;

  @ApiTimestamp()
  at: string;

  @ApiProperty({ type: () => AuditActorDto, nullable: true, description: 'Null for the system.' })
  actor: AuditActorDto | null;

  @ApiProperty({ example: 'user.role_changed' })
  action: string;

  @ApiProperty({ example: 'user:7', description: 'What was acted on: `<kind>:<id>`.' })
  target: string;

  @ApiProperty({ ...STATE, description: 'The relevant state before the action; null if none.' })
  before: Record<string, unknown> | null;

  @ApiProperty({ ...STATE, description: 'The relevant state after the action; null if none.' })
  after: Record<string, unknown> | null;

  static from(entry: AuditEntry): AuditEntryDto {
    const actor =
      entry.actorId === null
        ? null
        : { id: entry.actorId, username: entry.actorUsername ?? String(entry.actorId) };
    return {
      id: entry.id,
      at: entry.at.toISOString(),
      actor,
      action: entry.action,
      target: entry.target,
      before: parse(entry.before),
      after: parse(entry.after),
    };
  }
}

function parse(text: string | null): Record<string, unknown> | null {
  return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
}

export class AuditPageDto {
  @ApiProperty({ type: () => [AuditEntryDto], description: 'Newest first.' })
  entries: AuditEntryDto[];

  @ApiProperty({
    type: 'string',
    nullable: true,
    example: '40',
    description: 'Pass as `cursor` for the next (older) page; null on the last page.',
  })
  next_cursor: string | null;
}

export class AuditVerifyDto {
  @ApiInteger({ example: 120, description: 'Entries checked.' })
  entries: number;

  @ApiProperty({ description: 'Every entry links to its predecessor and matches its hash.' })
  intact: boolean;

  @ApiInteger({
    nullable: true,
    example: null,
    description:
      'The first entry that was changed, or follows a removed one; past the last entry when the ' +
      'end of the chain was removed. Null when intact.',
  })
  first_bad_id: number | null;
}
