/** The due job that hands waiting tickets to agents with room (ASSIGNMENT_MODE=auto). */
export const AUTO_ASSIGNMENT_JOB = 'auto-assignment';

/** Roles that can hold tickets. */
export const STAFF_ROLES = ['agent', 'admin'] as const;
