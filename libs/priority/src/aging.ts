import { PRIORITY_LEVELS, type PriorityLevel, type PriorityWeights } from './weights';

const HOUR_MS = 3_600_000;

/**
 * The first instant after `now` at which a ticket created at `createdAt` enters a new age bucket,
 * or `null` once it sits in the last bucket and can no longer age. A stored score is exact until
 * this instant, which is what lets the re-scorer touch only tickets that crossed a boundary.
 */
export function nextAgeBoundary(createdAt: Date, now: Date, weights: PriorityWeights): Date | null {
  const ageMs = now.getTime() - createdAt.getTime();
  for (const bucket of weights.age) {
    if (bucket.underHours === undefined) return null;
    const boundaryMs = bucket.underHours * HOUR_MS;
    if (ageMs < boundaryMs) return new Date(createdAt.getTime() + boundaryMs);
  }
  return null;
}

/** Highest score the queue key can order; scores above it sort together within their level. */
export const MAX_QUEUE_SCORE = 511;
/** 2^42 ms reaches the year 2109, so `rank * 2^42 + ms` stays below 2^53 (an exact JS number). */
const TIME_SPAN = 2 ** 42;
const SCORE_SPAN = MAX_QUEUE_SCORE + 1;

/**
 * One integer that orders the queue in a single ascending direction (level in force first, P0
 * first; then score descending; then oldest first), so both MySQL and SQLite read the queue as
 * one forward index range. 2 bits of level, 9 of score and 42 of time: at most 2^53 - 1.
 * The level is the one in force (a priority override, else the computed one); with no override
 * it follows from the score, so the order is the score order.
 */
export function queueKey(level: PriorityLevel, score: number, createdAt: Date): number {
  const rank = Math.max(0, PRIORITY_LEVELS.indexOf(level));
  const clamped = Math.min(MAX_QUEUE_SCORE, Math.max(0, Math.round(score)));
  const ms = Math.min(TIME_SPAN - 1, Math.max(0, createdAt.getTime()));
  return (rank * SCORE_SPAN + MAX_QUEUE_SCORE - clamped) * TIME_SPAN + ms;
}
