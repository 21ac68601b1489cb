/** The due job that follows newly activated versions and re-scores the active tickets for them. */
export const POLICY_RESCORE_JOB = 'policy-rescore';
