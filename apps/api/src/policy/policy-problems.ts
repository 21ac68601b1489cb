import { findWeightProblems } from '@app/priority';
import { findSlaPolicyProblems } from '@app/sla';

import type { FieldError } from '../common/problem-details';
import { ValidationFailedException } from '../common/validation';
import { REASON_MAX, REASON_MIN } from './dto/update-policy.dto';

/** `"impact[1].points: must be …"` of the start-up validators, as a field of the request. */
function toFieldErrors(root: string, problems: string[]): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const split = problem.indexOf(': ');
    const path = split < 0 ? '' : problem.slice(0, split);
    const message = split < 0 ? problem : problem.slice(split + 2);
    const own = path === '' || path === 'weights' || path === 'policy';
    const field = own ? root : `${root}.${path}`;
    byField.set(field, [...(byField.get(field) ?? []), `${field} ${message}`]);
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
}

export interface PolicyCandidate {
  weights?: unknown;
  sla?: unknown;
  reason?: string;
}

/**
 * Every problem of a candidate policy, found by the validators the files go through at start,
 * so the API accepts exactly what a start-up would. Throws one 400 that lists them all.
 */
export function assertValidCandidate(candidate: PolicyCandidate): void {
  const errors = [
    ...(candidate.weights === undefined
      ? []
      : toFieldErrors('weights', findWeightProblems(candidate.weights))),
    ...(candidate.sla === undefined
      ? []
      : toFieldErrors('sla', findSlaPolicyProblems(candidate.sla))),
  ];
  const reason = candidate.reason;
  if (reason !== undefined && (reason.trim().length < REASON_MIN || reason.length > REASON_MAX)) {
    errors.push({
      field: 'reason',
      messages: [`reason must be ${REASON_MIN} to ${REASON_MAX} characters long`],
    });
  }
  if (errors.length > 0) throw new ValidationFailedException(errors);
}
