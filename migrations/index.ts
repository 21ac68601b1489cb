import { CreateUsersAndTickets1767225600000 } from './1767225600000-CreateUsersAndTickets';
import { CreateIdempotencyKeys1767400000000 } from './1767400000000-CreateIdempotencyKeys';

/** Every migration, in order. An explicit list works the same from tsc output, ts-node and jest. */
export const MIGRATIONS = [CreateUsersAndTickets1767225600000, CreateIdempotencyKeys1767400000000];
