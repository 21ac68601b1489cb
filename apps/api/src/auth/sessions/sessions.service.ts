import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, Not, type Repository } from 'typeorm';

import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config';
import { sqlDateTime } from '../../tickets/ticket-rows';
import type { User } from '../../users/user.entity';
import { AuthSession } from './auth-session.entity';
import { RefreshToken } from './refresh-token.entity';

/** What the access-token check needs of the user. */
export type SessionUser = Pick<User, 'id' | 'username' | 'role' | 'disabled' | 'organizationId'>;

const INVALID_REFRESH = 'The refresh token is invalid or expired.';

export interface IssuedRefresh {
  sessionId: string;
  userId: number;
  refreshToken: string;
  /** Seconds until the session's absolute end. */
  expiresIn: number;
}

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Refresh-token families (RFC 9700 §4.14): opaque random tokens stored as hashes, rotated on
 * every use; presenting a spent token revokes the whole family.
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);
  private readonly ttlMs: number;

  constructor(
    @InjectRepository(AuthSession) private readonly sessions: Repository<AuthSession>,
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    this.ttlMs = config.get('security', { infer: true }).refreshTokenTtlSeconds * 1000;
  }

  async start(userId: number): Promise<IssuedRefresh> {
    const now = this.clock.now();
    const session = this.sessions.create({
      id: randomUUID(),
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.ttlMs),
      revokedAt: null,
    });
    await this.sessions.insert(session);
    return this.issue(session, now);
  }

  /** Spends `token` and returns its successor; any doubt means 401. */
  async rotate(token: string): Promise<IssuedRefresh> {
    const row = await this.tokens.findOne({
      where: { tokenHash: hashOf(token) },
      relations: { session: true },
    });
    const session = row?.session;
    const now = this.clock.now();
    if (!row || !session || session.revokedAt || session.expiresAt <= now) {
      throw new UnauthorizedException(INVALID_REFRESH);
    }
    // Only one request can flip used_at from NULL: the database decides the race, not this process.
    const spent = row.usedAt
      ? 0
      : ((
          await this.tokens
            .createQueryBuilder()
            .update(RefreshToken)
            .set({ usedAt: now })
            .where('id = :id', { id: row.id })
            .andWhere('used_at IS NULL')
            .execute()
        ).affected ?? 0);
    if (spent !== 1) {
      this.logger.warn(
        { event: 'refresh_token_reuse', userId: session.userId, sessionId: session.id },
        'A spent refresh token was presented: the session is revoked',
      );
      await this.revoke(session.id);
      throw new UnauthorizedException(INVALID_REFRESH);
    }
    return this.issue(session, now);
  }

  /** The session a refresh token (spent or not) belongs to, if it exists. */
  async sessionOf(token: string): Promise<string | undefined> {
    const row = await this.tokens.findOneBy({ tokenHash: hashOf(token) });
    return row?.sessionId;
  }

  /**
   * The session's user, while the session is neither revoked nor past its absolute end: the one
   * read of every authenticated request, so a join in plain SQL rather than two entity loads.
   */
  async activeSessionUser(sessionId: string, userId: number): Promise<SessionUser | null> {
    const rows: SessionUser[] = await this.sessions.manager.query(
      `SELECT u.id, u.username, u.role, u.disabled, u.organization_id AS organizationId
        FROM auth_sessions s
        JOIN users u ON u.id = s.user_id
        WHERE s.id = ? AND s.user_id = ? AND s.revoked_at IS NULL AND s.expires_at > ?`,
      [sessionId, userId, sqlDateTime(this.clock.now())],
    );
    const row = rows[0];
    if (!row) return null;
    const organizationId = row.organizationId === null ? null : Number(row.organizationId);
    return { ...row, id: Number(row.id), disabled: Boolean(Number(row.disabled)), organizationId };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: this.clock.now() },
    );
  }

  /** Every session of the user except `keep` (the caller's own, when there is one). */
  async revokeAllOf(userId: number, keep?: string): Promise<void> {
    const where = { userId, revokedAt: IsNull(), ...(keep ? { id: Not(keep) } : {}) };
    await this.sessions.update(where, { revokedAt: this.clock.now() });
  }

  private async issue(session: AuthSession, now: Date): Promise<IssuedRefresh> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.tokens.insert({
      sessionId: session.id,
      tokenHash: hashOf(refreshToken),
      createdAt: now,
      usedAt: null,
    });
    return {
      sessionId: session.id,
      userId: session.userId,
      refreshToken,
      expiresIn: Math.max(0, Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000)),
    };
  }
}
