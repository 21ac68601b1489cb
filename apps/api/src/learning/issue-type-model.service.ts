import { NaiveBayesScorer, trainTextClassifier, type NaiveBayesModel } from '@app/learning';
import { ISSUE_TYPES } from '@app/priority';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { Clock } from '../common/clock';
import { isUniqueViolation } from '../common/unique-violation';
import type { AppConfig } from '../config';
import { DueWorkRunner, type DueJob } from '../due-work/due-work.runner';
import { LearnedModel } from './learned-model.entity';
import { LearningLabels } from './learning-labels';

export const ISSUE_TYPE_MODEL = 'issue_type';
/** Below this many labelled tickets there is no model (POST /tickets/suggest answers 404). */
export const MIN_LABELS = 200;
/** A new version is trained once this many labelled tickets arrived since the last one... */
export const RETRAIN_AFTER_LABELS = 100;
/** ...or once the newest version is a day old and any label arrived since. */
export const RETRAIN_AFTER_MS = 24 * 3_600_000;
/** A claim older than this is taken for a crashed instance: marked failed and trained again. */
export const TRAINING_LEASE_MS = 10 * 60_000;
/** One fixed seed: the same labelled tickets always give the same model. */
export const TRAINING_SEED = 14;

export interface LoadedModel {
  version: number;
  trainedAt: Date;
  examples: number;
  holdoutAccuracy: number;
  scorer: NaiveBayesScorer;
}

type ReadyRow = Pick<LearnedModel, 'id' | 'version' | 'labels' | 'trainedAt'>;

/**
 * Trains the issue-type model in the background (a due job) and serves the newest version. With
 * several instances, each version is trained once: an instance claims version n + 1 by
 * inserting its row, and the unique (kind, version) index refuses every other claimant.
 */
@Injectable()
export class IssueTypeModelService implements DueJob, OnModuleInit {
  readonly name = 'learning';
  private readonly logger = new Logger(IssueTypeModelService.name);
  private readonly intervalMs: number;
  private cache?: LoadedModel;

  constructor(
    @InjectRepository(LearnedModel) private readonly models: Repository<LearnedModel>,
    private readonly labels: LearningLabels,
    private readonly runner: DueWorkRunner,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    this.intervalMs = config.get('learning', { infer: true }).intervalMs;
  }

  onModuleInit(): void {
    this.runner.register(this, this.intervalMs);
  }

  /** Trains a new version when one is due and this instance wins its claim; returns 1 or 0. */
  async runDue(now: Date): Promise<number> {
    const latest = await this.models.findOne({
      select: { id: true, version: true, status: true, claimedAt: true },
      where: { kind: ISSUE_TYPE_MODEL },
      order: { version: 'DESC' },
    });
    if (latest?.status === 'training') {
      if (now.getTime() - latest.claimedAt.getTime() < TRAINING_LEASE_MS) return 0;
      await this.models.update(
        { id: latest.id, status: 'training', claimedAt: latest.claimedAt },
        { status: 'failed' },
      );
    }
    const labels = await this.labels.countTextLabels();
    if (!isDue(labels, await this.newestReady(), now)) return 0;
    const version = (latest?.version ?? 0) + 1;
    const claimId = await this.claim(version, labels, now);
    if (claimId === null) return 0;
    await this.train(claimId, version);
    return 1;
  }

  /** Trains now if a version is due (what the timer does); resolves with 1 when it trained. */
  trainIfDue(): Promise<number> {
    return this.runner.runNow(this.name);
  }

  /** The newest ready version, loaded once per instance and version. */
  async current(): Promise<LoadedModel | null> {
    const newest = await this.newestReady();
    if (!newest) return null;
    if (this.cache?.version === newest.version) return this.cache;
    const row = await this.models.findOneOrFail({
      select: { id: true, version: true, model: true, examples: true, holdoutAccuracy: true },
      where: { id: newest.id },
    });
    this.cache = {
      version: row.version,
      trainedAt: newest.trainedAt!,
      examples: row.examples ?? 0,
      holdoutAccuracy: row.holdoutAccuracy ?? 0,
      scorer: new NaiveBayesScorer(JSON.parse(row.model!) as NaiveBayesModel),
    };
    return this.cache;
  }

  countLabels(): Promise<number> {
    return this.labels.countTextLabels();
  }

  /** Asks for a training pass soon (e.g. when a suggestion found no model but enough labels). */
  nudge(): void {
    this.runner.nudge(this.name);
  }

  private newestReady(): Promise<ReadyRow | null> {
    return this.models.findOne({
      select: { id: true, version: true, labels: true, trainedAt: true },
      where: { kind: ISSUE_TYPE_MODEL, status: 'ready' },
      order: { version: 'DESC' },
    });
  }

  private async claim(version: number, labels: number, now: Date): Promise<number | null> {
    try {
      const result = await this.models.insert({
        kind: ISSUE_TYPE_MODEL,
        version,
        status: 'training',
        labels,
        claimedAt: now,
      });
      return (result.identifiers[0] as { id: number }).id;
    } catch (error) {
      if (isUniqueViolation(error)) return null; // another instance claimed this version
      throw error;
    }
  }

  private async train(id: number, version: number): Promise<void> {
    try {
      const examples = await this.labels.textLabels();
      const trained = trainTextClassifier(examples, { classes: ISSUE_TYPES, seed: TRAINING_SEED });
      const result = await this.models.update(
        { id, status: 'training' },
        {
          status: 'ready',
          model: JSON.stringify(trained.model),
          examples: trained.examples,
          holdoutAccuracy: trained.holdoutAccuracy,
          trainedAt: this.clock.now(),
        },
      );
      if (!result.affected) this.logger.warn(`Model v${version} finished after its lease expired`);
    } catch (error) {
      await this.models.update({ id, status: 'training' }, { status: 'failed' });
      throw error;
    }
  }
}

/** The retrain rule: enough labels, and none trained yet, 100 new ones, or a day and any new. */
export function isDue(labels: number, newest: ReadyRow | null, now: Date): boolean {
  if (labels < MIN_LABELS) return false;
  if (!newest) return true;
  const fresh = labels - newest.labels;
  if (fresh >= RETRAIN_AFTER_LABELS) return true;
  const age = now.getTime() - (newest.trainedAt?.getTime() ?? 0);
  return fresh > 0 && age >= RETRAIN_AFTER_MS;
}
