/** Injection token of the validated `PriorityWeights` in force. */
export const PRIORITY_WEIGHTS = Symbol('PRIORITY_WEIGHTS');
