import { MINUTE_MS } from './calendar';
import type { CompiledSlaPolicy, SlaLevel } from './policy';
import { pausesBefore, reachAt, type SlaFacts } from './sla';

/**
 * `evaluateSla({ ...facts, level }, policy, now)` has at least one breached target, computed with only what the
 * flag needs: each target's due instant (the same `reachAt` walk), without the elapsed time since
 * creation, the warning instants or any state objects. A what-if asks this of every active ticket
 * under two policies, and the elapsed-time walk from an old ticket's creation to now was most of
 * its cost. The level is its own argument, so asking at several levels allocates nothing.
 */
export function isSlaBreached(
  facts: Omit<SlaFacts, 'level'>,
  level: SlaLevel,
  policy: CompiledSlaPolicy,
  now: number,
): boolean {
  const target = policy.policy.targets[level];
  const calendar = policy.calendarOf(level);
  const start = facts.createdAt;
  // First response: its clock never stands still.
  const responseDue = calendar.addMs(start, target.first_response_minutes * MINUTE_MS);
  const respondedAt = facts.firstResponseAt;
  if (respondedAt !== null ? respondedAt > responseDue : now > responseDue) return true;
  // Resolution: stands still while pending; a met clock ignores pauses after it was met.
  const resolvedAt = facts.firstResolvedAt;
  const targetMs = target.resolution_minutes * MINUTE_MS;
  if (resolvedAt !== null) {
    const due = reachAt(calendar, start, pausesBefore(facts.pauses, resolvedAt), targetMs);
    return due !== null && resolvedAt > due;
  }
  const due = reachAt(calendar, start, facts.pauses, targetMs);
  const last = facts.pauses.length > 0 ? facts.pauses[facts.pauses.length - 1] : null;
  if (last === null || last.to !== null) return now > due!;
  // Paused: breached only if the target was passed while the clock still ran.
  return due !== null && due < last.from;
}
