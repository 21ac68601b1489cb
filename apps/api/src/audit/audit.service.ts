import {
  CHAIN_START,
  checkChain,
  nextEntry,
  redactSecrets,
  type ChainEntry,
  type ChainPosition,
} from '@app/audit';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  And,
  LessThan,
  LessThanOrEqual,
  MoreThan,
  type EntityManager,
  type Repository,
} from 'typeorm';

import { Clock } from '../common/clock';
import { AuditEntry, AuditHead } from './audit-entry.entity';
import { AuditEntryDto, type AuditPageDto, type AuditVerifyDto } from './dto/audit-entry.dto';
import type { ListAuditQuery } from './dto/list-audit.query';

export interface AuditActor {
  id: number;
  username: string;
}

export interface AuditRecord {
  actor: AuditActor | null;
  /** `<kind>.<verb>`, e.g. `user.role_changed`. */
  action: string;
  /** `<kind>:<id>`, e.g. `user:7`. */
  target: string;
  before?: unknown;
  after?: unknown;
}

const HEAD_ID = 1;
const VERIFY_BATCH = 1_000;

/**
 * The admin audit trail: a SHA-256 hash chain (libs/audit). Appends lock the one head row, so
 * entries from several instances line up one after the other; verification walks the chain.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @InjectRepository(AuditHead) private readonly heads: Repository<AuditHead>,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an entry in the caller's transaction: it commits or rolls back with the change it
   * describes. Call it last in the transaction: the head stays locked until commit.
   */
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const position = await lockHead(manager);
    const next = nextEntry(position, {
      at: this.clock.now().toISOString(),
      actorId: entry.actor?.id ?? null,
      actorUsername: entry.actor?.username ?? null,
      action: entry.action,
      target: entry.target,
      before: toStoredJson(entry.before),
      after: toStoredJson(entry.after),
    });
    await manager.insert(AuditEntry, { ...next, at: new Date(next.at) });
    await manager.update(AuditHead, { id: HEAD_ID }, { lastId: next.id, lastHash: next.hash });
  }

  async list(query: ListAuditQuery): Promise<AuditPageDto> {
    const rows = await this.entries.find({
      where: query.cursor ? { id: LessThan(Number(query.cursor)) } : {},
      order: { id: 'DESC' },
      take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const more = rows.length > query.limit;
    return {
      entries: page.map(AuditEntryDto.from),
      next_cursor: more ? String(page.at(-1)!.id) : null,
    };
  }

  /** Walks the chain up to the head as it stands now; appends made meanwhile are not checked. */
  async verify(): Promise<AuditVerifyDto> {
    const head = await this.heads.findOneByOrFail({ id: HEAD_ID });
    let position: ChainPosition = CHAIN_START;
    let checked = 0;
    for (;;) {
      // `id > last` rather than a range of ids: a removed entry leaves a gap to read past.
      const rows = await this.entries.find({
        where: { id: And(MoreThan(position.lastId), LessThanOrEqual(head.lastId)) },
        order: { id: 'ASC' },
        take: VERIFY_BATCH,
      });
      if (rows.length === 0) break;
      const check = checkChain(position, rows.map(toChainEntry));
      if (check.firstBadId !== null) return this.broken(check.firstBadId);
      checked += rows.length;
      position = check.position;
    }
    if (position.lastId !== head.lastId || position.lastHash !== head.lastHash) {
      // The end of the chain was removed or rewritten (or the head itself was).
      return this.broken(Math.min(position.lastId, head.lastId) + 1);
    }
    return { entries: checked, intact: true, first_bad_id: null };
  }

  private async broken(firstBadId: number): Promise<AuditVerifyDto> {
    return { entries: await this.entries.count(), intact: false, first_bad_id: firstBadId };
  }
}

async function lockHead(manager: EntityManager): Promise<ChainPosition> {
  // SQLite has one writer at a time (and one queued transaction per process), so only MySQL
  // needs the row lock; it also makes a concurrent appender read the committed head.
  const forUpdate = manager.connection.options.type === 'mysql' ? ' FOR UPDATE' : '';
  const rows: { last_id: number | string; last_hash: string }[] = await manager.query(
    `SELECT last_id, last_hash FROM audit_head WHERE id = ${HEAD_ID}${forUpdate}`,
  );
  if (rows.length === 0) throw new Error('The audit head row is missing.');
  return { lastId: Number(rows[0].last_id), lastHash: rows[0].last_hash };
}

/** JSON text of an object without secrets; other values are wrapped as `{value}`. */
function toStoredJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const clean = redactSecrets(value);
  const object =
    clean && typeof clean === 'object' && !Array.isArray(clean) ? clean : { value: clean };
  return JSON.stringify(object);
}

function toChainEntry(row: AuditEntry): ChainEntry {
  return { ...row, at: row.at.toISOString() };
}
